package org.collaborative.app.web.spread;

import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.spread.PracticeSpreads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The spread views of one practice on a page of their own (the practice page includes the same fragment): the
 * S-curve, the tile map, the peer lens for the reader's council, the adopters and the savings, as they stood on a day.
 */
@Controller
class SpreadController {

    private final SpreadPages pages;
    private final PracticeSpreads spreads;

    SpreadController(SpreadPages pages, PracticeSpreads spreads) {
        this.pages = pages;
        this.spreads = spreads;
    }

    @GetMapping("/practices/{practiceId}/spread")
    String spread(
            @PathVariable String practiceId,
            @RequestParam(required = false) String asOf,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        var practice = spreads.find(practiceId).orElseThrow(() -> new NotFoundException("practice"));
        model.addAttribute("spread", pages.page(practice, pages.asOf(asOf), user.organisationId()));
        model.addAttribute("section", "practices");
        return "spread/practice";
    }
}
