package org.collaborative.app.web.operations;

import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.publication.ParkedEvents;
import org.collaborative.app.operations.ParkedViewRecords;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators' page of parked events (ADR 27): the events the publisher could not send, each with the later events
 * of its aggregate waiting behind it, and the error. Once the cause is fixed, "Retry" publishes an aggregate's
 * parked events in order; an event that still fails stays parked with its new error. Below them, the records each
 * view of the projections parked, likewise; "Retry" on one of those asks the projections to re-apply it (the
 * projections instance that owns its partition does, within a second or so), so the page says it was asked for.
 */
@Controller
@RequestMapping("/admin/parked")
class ParkedEventsController {

    /** How a retry requested from this page names its requester: by member id, never by name (erasure). */
    static final String MEMBER = "member:";

    private final ParkedEvents parked;
    private final ParkedViewRecords views;

    ParkedEventsController(ParkedEvents parked, ParkedViewRecords views) {
        this.parked = parked;
        this.views = views;
    }

    @GetMapping
    String page(
            @RequestParam(name = "published", required = false) Integer published,
            @RequestParam(name = "of", required = false) Integer of,
            @RequestParam(name = "requested", required = false) Integer requested,
            Model model) {
        if (published != null && of != null) {
            model.addAttribute("published", published);
            model.addAttribute("tried", of);
        }
        if (requested != null) {
            model.addAttribute("requested", requested);
        }
        model.addAttribute("sequences", parked.sequences());
        model.addAttribute("viewSequences", views.sequences());
        return "operations/parked";
    }

    /** Retries one aggregate's parked events, from the first. */
    @PostMapping("/{eventId}/retry")
    String retry(@PathVariable String eventId) {
        boolean published = parked.retry(eventId);
        return "redirect:/admin/parked?published=" + (published ? 1 : 0) + "&of=1";
    }

    /** Retries every aggregate's parked events, and asks the projections to retry every view's parked sequences. */
    @PostMapping("/retry")
    String retryAll(@AuthenticationPrincipal WorkspaceUser user) {
        int tried = parked.sequences().size();
        int published = parked.retryAll();
        int requested = views.requestRetryAll(MEMBER + user.memberId());
        return "redirect:/admin/parked?published=" + published + "&of=" + tried + "&requested=" + requested;
    }

    /** Asks the projections to retry one view's parked sequence (the records of one key on one partition). */
    @PostMapping("/views/{view}/retry")
    String retryView(
            @PathVariable String view,
            @RequestParam int partition,
            @RequestParam String key,
            @AuthenticationPrincipal WorkspaceUser user) {
        boolean requested = views.requestRetry(view, partition, key, MEMBER + user.memberId());
        return "redirect:/admin/parked?requested=" + (requested ? 1 : 0);
    }
}
