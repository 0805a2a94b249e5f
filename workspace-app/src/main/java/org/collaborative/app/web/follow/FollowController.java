package org.collaborative.app.web.follow;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.follow.Follow;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.follow.Unfollow;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Following groups and items: a button on their pages posts here and returns to the page, which shows the new state;
 * "Following" lists everything a member follows that they may still see.
 */
@Controller
class FollowController {

    static final Duration READ_YOUR_WRITE_WAIT = Duration.ofSeconds(3);

    private final FollowViews follows;
    private final GroupPages groups;
    private final ItemViews items;
    private final Commands commands;
    private final Clock clock;

    FollowController(FollowViews follows, GroupPages groups, ItemViews items, Commands commands, Clock clock) {
        this.follows = follows;
        this.groups = groups;
        this.items = items;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/follows")
    String follow(
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String targetId,
            @RequestParam(defaultValue = "true") boolean follow,
            @AuthenticationPrincipal WorkspaceUser user) {
        FollowTarget kind;
        try {
            kind = FollowTargets.parse(target);
        } catch (org.collaborative.app.kernel.InvalidInputException unknown) {
            // The buttons send one of the kinds in a hidden field: anything else names nothing that can be followed.
            throw new NotFoundException("group or item");
        }
        String page = FollowTargets.visiblePage(kind, targetId, user, groups, items);
        commands.send(
                follow
                        ? Follow.of(user.memberId(), kind, targetId, clock.instant())
                        : Unfollow.of(user.memberId(), kind, targetId, clock.instant()));
        follows.awaitFollowing(user.memberId(), kind, targetId, follow, READ_YOUR_WRITE_WAIT);
        return "redirect:" + page + "?following=" + (follow ? "started" : "stopped");
    }

    /** One followed group or item on the Following page. */
    record Followed(String title, String href, String kind) {}

    @GetMapping("/following")
    String following(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        Follows mine = follows.of(user.memberId());
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        List<Followed> followedGroups = mine.groupIds().stream()
                .map(visible::get)
                .filter(Objects::nonNull)
                .map(group -> new Followed(group.name(), "/groups/" + group.id(), "Working group"))
                .toList();
        List<Followed> followedItems = items.findAll(mine.itemIds()).stream()
                .filter(item -> visible.containsKey(item.groupId()))
                .map(item -> new Followed(item.title(), "/items/" + item.id(), kind(item)))
                .toList();
        model.addAttribute("followedGroups", followedGroups);
        model.addAttribute("followedItems", followedItems);
        return "follow/following";
    }

    private static String kind(ItemView item) {
        return switch (ItemType.fromKey(item.type())) {
            case QUESTION -> "Question";
            case EVIDENCE -> "Evidence";
            case PROPOSAL -> "Proposal";
        };
    }

    /** What the page and the API share: parsing the target, and checking the member may see it. */
    static final class FollowTargets {

        private FollowTargets() {}

        static FollowTarget parse(String target) {
            try {
                return FollowTarget.valueOf(target.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new org.collaborative.app.kernel.InvalidInputException(
                        "target", "Choose a group or an item to follow");
            }
        }

        /** The page of the group or item, if this person may see it; otherwise not found. */
        static String visiblePage(
                FollowTarget target, String targetId, WorkspaceUser user, GroupPages groups, ItemViews items) {
            if (target == FollowTarget.GROUP) {
                groups.visibleGroup(targetId, user);
                return "/groups/" + targetId;
            }
            ItemView item = items.find(targetId).orElseThrow(() -> new NotFoundException("item"));
            groups.visibleGroup(item.groupId(), user);
            return "/items/" + targetId;
        }
    }
}
