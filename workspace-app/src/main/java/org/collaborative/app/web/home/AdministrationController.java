package org.collaborative.app.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' tools in one place, where the navigation's "Admin" leads (the pages under /admin/ are theirs). */
@Controller
class AdministrationController {

    @GetMapping("/admin")
    String administration() {
        return "home/admin";
    }
}
