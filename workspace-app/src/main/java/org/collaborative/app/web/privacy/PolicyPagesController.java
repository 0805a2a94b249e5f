package org.collaborative.app.web.privacy;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement and the privacy notice, open to everyone (signed in or not). */
@Controller
class PolicyPagesController {

    @GetMapping("/accessibility")
    String accessibility() {
        return "privacy/accessibility";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "privacy/privacy-notice";
    }
}
