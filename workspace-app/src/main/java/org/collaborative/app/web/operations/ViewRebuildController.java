package org.collaborative.app.web.operations;

import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.People;
import org.collaborative.app.operations.ViewRebuilds;
import org.collaborative.views.rebuild.Rebuild;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators' page of views: how many documents each holds, and rebuilding one from the event history with a
 * progress bar. The {@code rebuilds} fragment is fetched again every second by htmx while a rebuild is under way;
 * without JavaScript the page offers a link to refresh it.
 */
@Controller
@RequestMapping("/admin/views")
class ViewRebuildController {

    /** How a rebuild requested from this page names its requester: by member id, never by name (erasure). */
    static final String MEMBER = "member:";

    private final ViewRebuilds rebuilds;
    private final People people;

    ViewRebuildController(ViewRebuilds rebuilds, People people) {
        this.rebuilds = rebuilds;
        this.people = people;
    }

    @GetMapping
    String page(@RequestParam(name = "requested", required = false) String requested, Model model) {
        if (requested != null) {
            rebuilds.find(requested).ifPresent(rebuild -> model.addAttribute("requested", rebuild));
        }
        return prepare(model, "operations/views");
    }

    @GetMapping("/status")
    String status(Model model) {
        return prepare(model, "operations/views :: views");
    }

    @PostMapping("/{view}/rebuilds")
    String rebuild(@PathVariable String view, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        try {
            Rebuild rebuild = rebuilds.request(view, MEMBER + user.memberId());
            return "redirect:/admin/views?requested=" + rebuild.id();
        } catch (RuleBrokenException refused) {
            model.addAttribute("errorSummary", ErrorSummary.of("view-" + view, refused.getMessage()));
            return prepare(model, "operations/views");
        }
    }

    private String prepare(Model model, String template) {
        java.util.List<ViewRebuilds.ViewStatus> views = rebuilds.views();
        model.addAttribute("views", views);
        model.addAttribute("requesters", requesters(views));
        model.addAttribute("polling", rebuilds.anyActive());
        return template;
    }

    /** Who asked for each rebuild shown: a member's current name ("Former member" once erased), or as recorded. */
    private java.util.Map<String, String> requesters(java.util.List<ViewRebuilds.ViewStatus> views) {
        java.util.Set<String> recorded = new java.util.HashSet<>();
        views.forEach(view -> view.latest().ifPresent(rebuild -> {
            if (rebuild.requestedBy() != null) {
                recorded.add(rebuild.requestedBy());
            }
        }));
        People.Names names = people.names(
                recorded.stream()
                        .filter(by -> by.startsWith(MEMBER))
                        .map(by -> by.substring(MEMBER.length()))
                        .toList(),
                java.util.Set.of());
        java.util.Map<String, String> requesters = new java.util.HashMap<>();
        recorded.forEach(
                by -> requesters.put(by, by.startsWith(MEMBER) ? names.member(by.substring(MEMBER.length())) : by));
        return requesters;
    }
}
