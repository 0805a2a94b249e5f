package org.collaborative.app.item.web;

import java.util.Map;
import org.collaborative.app.evidence.ReviseEvidence;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.item.ItemViews.Item;
import org.collaborative.app.item.web.ItemPage.Done;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Revising a piece of evidence (its author or a facilitator): a new version, the earlier ones kept in its history. */
@Controller
class RevisionController {

    /** The form's fields, by the field a refusal names. */
    private static final Map<String, String> FIELDS = Map.of("title", "revise-title", "summary", "revise-summary",
            "source", "revise-source", "kind", "revise-kind", "level", "revise-level");

    private final ItemPage page;
    private final Commands commands;

    RevisionController(ItemPage page, Commands commands) {
        this.page = page;
        this.commands = commands;
    }

    @PostMapping("/items/{itemId}/revision")
    String revise(
            @PathVariable String itemId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer level,
            @AuthenticationPrincipal WorkspaceUser user,
            Model model) {
        Item item = page.visibleItem(itemId, user);
        if (item.itemType() != ItemType.EVIDENCE) {
            throw new NotFoundException("revision");
        }
        model.addAttribute("revising", true);
        Object command =
                new ReviseEvidence(itemId, title, summary, source, kind(kind), level, ItemPage.actor(user), page.now());
        return page.outcome(commands.attempt(command), item, user, model, "revise-title", FIELDS, Done.REVISED, null);
    }

    /** The kind chosen; an unknown one is no choice, which the evidence refuses. */
    private static EvidenceKind kind(String kind) {
        try {
            return kind == null ? null : EvidenceKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
