package org.collaborative.app.web.operations;

import org.collaborative.app.infrastructure.publication.ParkedEvents;
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
 * parked events in order; an event that still fails stays parked with its new error.
 */
@Controller
@RequestMapping("/admin/parked")
class ParkedEventsController {

    private final ParkedEvents parked;

    ParkedEventsController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping
    String page(
            @RequestParam(name = "published", required = false) Integer published,
            @RequestParam(name = "of", required = false) Integer of,
            Model model) {
        if (published != null && of != null) {
            model.addAttribute("published", published);
            model.addAttribute("tried", of);
        }
        model.addAttribute("sequences", parked.sequences());
        return "operations/parked";
    }

    /** Retries one aggregate's parked events, from the first. */
    @PostMapping("/{eventId}/retry")
    String retry(@PathVariable String eventId) {
        boolean published = parked.retry(eventId);
        return "redirect:/admin/parked?published=" + (published ? 1 : 0) + "&of=1";
    }

    @PostMapping("/retry")
    String retryAll() {
        int tried = parked.sequences().size();
        return "redirect:/admin/parked?published=" + parked.retryAll() + "&of=" + tried;
    }
}
