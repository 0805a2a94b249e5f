package org.collaborative.app.operations.web;

import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.operations.ViewRebuilds;
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

    private final ViewRebuilds rebuilds;

    ViewRebuildController(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
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
            ViewRebuilds.Rebuild rebuild = rebuilds.request(view, user.displayName());
            return "redirect:/admin/views?requested=" + rebuild.id();
        } catch (RuleBrokenException refused) {
            model.addAttribute("errorSummary", ErrorSummary.of("view-" + view, refused.getMessage()));
            return prepare(model, "operations/views");
        }
    }

    private String prepare(Model model, String template) {
        model.addAttribute("views", rebuilds.views());
        model.addAttribute("polling", rebuilds.anyActive());
        return template;
    }
}
