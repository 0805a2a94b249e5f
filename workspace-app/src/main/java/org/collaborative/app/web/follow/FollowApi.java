package org.collaborative.app.web.follow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.follow.Follow;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.follow.Unfollow;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.item.ItemViews;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.views.follow.Follows;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the signed-in member follows, as JSON. */
@RestController
@RequestMapping("/api/follows")
@Tag(name = "Following")
class FollowApi {

    record Target(
            @NotBlank(message = "Choose GROUP or ITEM") String target,

            @NotBlank(message = "Choose a group or an item to follow")
            String targetId) {}

    private final FollowViews follows;
    private final GroupPages groups;
    private final ItemViews items;
    private final Commands commands;
    private final Clock clock;

    FollowApi(FollowViews follows, GroupPages groups, ItemViews items, Commands commands, Clock clock) {
        this.follows = follows;
        this.groups = groups;
        this.items = items;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The groups and items you follow")
    Follows mine(@AuthenticationPrincipal WorkspaceUser user) {
        return follows.of(user.memberId());
    }

    @PostMapping
    @Operation(summary = "Follow a group or an item you can see (following it again changes nothing)")
    ResponseEntity<Target> follow(@Valid @RequestBody Target target, @AuthenticationPrincipal WorkspaceUser user) {
        FollowTarget kind = FollowController.FollowTargets.parse(target.target());
        FollowController.FollowTargets.visiblePage(kind, target.targetId(), user, groups, items);
        commands.send(Follow.of(user.memberId(), kind, target.targetId(), clock.instant()));
        return ResponseEntity.status(201).body(new Target(kind.name(), target.targetId()));
    }

    @DeleteMapping("/{target}/{targetId}")
    @Operation(summary = "Stop following a group or an item")
    ResponseEntity<Void> unfollow(
            @PathVariable String target, @PathVariable String targetId, @AuthenticationPrincipal WorkspaceUser user) {
        FollowTarget kind = FollowController.FollowTargets.parse(target);
        commands.send(Unfollow.of(user.memberId(), kind, targetId, clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
