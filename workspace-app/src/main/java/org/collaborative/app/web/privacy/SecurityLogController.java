package org.collaborative.app.web.privacy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collaborative.app.member.People;
import org.collaborative.app.personaldata.SecurityLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators read the security log, newest first, optionally one kind of entry. */
@Controller
class SecurityLogController {

    static final int PAGE = 200;

    private final SecurityLog log;
    private final People people;

    SecurityLogController(SecurityLog log, People people) {
        this.log = log;
        this.people = people;
    }

    @GetMapping("/admin/security-log")
    String page(@RequestParam(required = false) SecurityLog.Kind kind, Model model) {
        List<SecurityLog.Entry> entries = log.latest(kind, PAGE);
        Set<String> members = new HashSet<>();
        entries.forEach(entry -> {
            if (entry.memberId() != null) {
                members.add(entry.memberId());
            }
            if (entry.actorId() != null) {
                members.add(entry.actorId());
            }
        });
        model.addAttribute("entries", entries);
        model.addAttribute("kinds", SecurityLog.Kind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("names", people.names(members, Set.of()));
        return "privacy/security-log";
    }
}
