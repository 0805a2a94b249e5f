package org.collaborative.app.item.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.item.ItemViews.Item;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Items (questions, evidence, proposals) as JSON, with their history. */
@RestController
@Tag(name = "Items")
class ItemApi {

    private final ItemViews items;
    private final GroupPages groups;

    ItemApi(ItemViews items, GroupPages groups) {
        this.items = items;
        this.groups = groups;
    }

    @GetMapping("/api/items/{itemId}")
    @Operation(summary = "One question, piece of evidence or proposal, with its answers, reactions and history")
    Item one(@PathVariable String itemId, @AuthenticationPrincipal WorkspaceUser user) {
        Item item = items.find(itemId).orElseThrow(() -> new NotFoundException("item"));
        groups.visibleGroup(item.groupId(), user);
        return item;
    }
}
