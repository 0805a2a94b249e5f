package org.collaborative.app.web.item;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.London;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An item's page (a question, a piece of evidence or a proposal): what it says, its answers, endorsements, challenges
 * and comments, its history ("who did what, when") and, on request, how it stood on a chosen date. Each form on the
 * page posts to the controller of what it changes (answers, endorsements, challenges, comments, the status, a
 * revision, links), which redirects back here with {@code ?done=}; the page then waits briefly for the view to show
 * the change ({@link ItemPage}).
 */
@Controller
class ItemController {

    private final ItemPage page;

    ItemController(ItemPage page) {
        this.page = page;
    }

    @GetMapping("/items/{itemId}")
    String page(
            @PathVariable String itemId,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String ref,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String year,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        ItemView item = (done == null ? page.find(itemId) : page.awaitShown(itemId, done, ref, user))
                .orElseThrow(() -> new NotFoundException("item"));
        if (page.hiddenFrom(item, user)) {
            return "moderation/hidden-item";
        }
        if (done != null && page.shows(item, done, ref, user)) {
            model.addAttribute("done", done);
        } else if (done != null) {
            // The view has not caught up within the wait: say so, and fetch the page again shortly.
            model.addAttribute("catchingUp", "/items/" + itemId + "?done=" + done + (ref == null ? "" : "&ref=" + ref));
        }
        if (day != null || month != null || year != null) {
            Optional<LocalDate> date = date(day, month, year);
            model.addAttribute("asOfDay", day);
            model.addAttribute("asOfMonth", month);
            model.addAttribute("asOfYear", year);
            if (date.isEmpty()) {
                model.addAttribute("errorSummary", ErrorSummary.of("as-of-day", "Enter a real date, like 3 11 2026"));
            } else {
                Instant endOfDay = date.get()
                        .plusDays(1)
                        .atStartOfDay(London.ZONE)
                        .toInstant()
                        .minusNanos(1);
                model.addAttribute("asOf", date.get().atStartOfDay(London.ZONE).toInstant());
                Optional<ItemView> then = item.asOf(endOfDay);
                if (then.isEmpty()) {
                    model.addAttribute("notYet", true);
                } else {
                    return page.render(model, then.get(), user, endOfDay);
                }
            }
        }
        return page.render(model, item, user, null);
    }

    private static Optional<LocalDate> date(String day, String month, String year) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip())));
        } catch (NumberFormatException | DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
