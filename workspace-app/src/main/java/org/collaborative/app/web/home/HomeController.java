package org.collaborative.app.web.home;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupPages;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.notification.NotificationViews;
import org.collaborative.app.proposal.ProposalStage;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in member's own page, where signing in lands: their groups, what waits on them, and what happened lately
 * in their groups and from their council — all within the groups they may see.
 */
@Controller
class HomeController {

    /** How many lines each list on the home page shows. */
    static final int SHOWN = 8;

    /** One thing that waits on the member, with where to act on it. */
    record Waiting(String text, String link, String linkText) {}

    private final GroupPages groups;
    private final ItemViews items;
    private final NotificationViews notifications;
    private final People people;
    private final Clock clock;

    HomeController(GroupPages groups, ItemViews items, NotificationViews notifications, People people, Clock clock) {
        this.groups = groups;
        this.items = items;
        this.notifications = notifications;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal WorkspaceUser user, Model model) {
        Map<String, GroupPage> visible = groups.visibleGroups(user);
        List<GroupPage> mine = visible.values().stream()
                .filter(group -> group.hasMember(user.memberId()))
                .sorted(Comparator.comparing(GroupPage::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        Set<String> mineIds = new HashSet<>();
        mine.forEach(group -> mineIds.add(group.id()));

        List<Waiting> waiting = new ArrayList<>();
        visible.values().stream()
                .filter(group -> group.hasInvited(user.memberId()) && !group.hasMember(user.memberId()))
                .sorted(Comparator.comparing(GroupPage::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(group -> waiting.add(new Waiting(
                        "You are invited to join this working group.", "/groups/" + group.id(), group.name())));
        for (GroupPage group : mine) {
            int requests = group.isFacilitator(user.memberId())
                    ? group.pendingRequests().size()
                    : 0;
            if (requests > 0) {
                waiting.add(new Waiting(
                        (requests == 1 ? "1 request" : requests + " requests")
                                + " to join, which you facilitate: approve or decline.",
                        "/groups/" + group.id(),
                        group.name()));
            }
        }
        items.ofType(ItemType.PROPOSAL, mineIds, null).stream()
                .filter(p -> ProposalStage.OPEN_FOR_CHALLENGE.name().equals(p.status()))
                .filter(p -> !user.memberId().equals(p.authorId()))
                .filter(p -> !p.endorsedBy(user.memberId())
                        && p.challenges().stream().noneMatch(c -> c.memberId().equals(user.memberId())))
                .limit(SHOWN)
                .forEach(p -> waiting.add(new Waiting(
                        "Open for challenge in ‘" + mineGroupName(visible, p) + "’: endorse or challenge it.",
                        "/items/" + p.id(),
                        p.title())));

        List<ItemView> council = user.organisationId() == null
                ? List.of()
                : items.latestFrom(user.organisationId(), visible.keySet(), SHOWN);

        List<NotificationViews.Notification> recent = notifications.centre(user, clock.instant());
        model.addAttribute("myGroups", mine);
        model.addAttribute("waiting", waiting);
        model.addAttribute("recent", recent.size() > SHOWN ? recent.subList(0, SHOWN) : recent);
        // The header's count from the centre in hand (UnreadNotificationsAdvice would build it again).
        model.addAttribute(
                "unreadNotifications",
                recent.stream().filter(NotificationViews.Notification::unread).count());
        model.addAttribute("councilItems", council);
        model.addAttribute("groupNames", names(visible));
        People.Names names = people.names(
                Set.of(user.memberId()), user.organisationId() == null ? Set.of() : Set.of(user.organisationId()));
        model.addAttribute(
                "councilName", user.organisationId() == null ? null : names.organisation(user.organisationId()));
        model.addAttribute("memberName", names.member(user.memberId()));
        return "home/home";
    }

    private static String mineGroupName(Map<String, GroupPage> visible, ItemView item) {
        GroupPage group = visible.get(item.groupId());
        return group == null ? "a working group" : group.name();
    }

    private static Map<String, String> names(Map<String, GroupPage> visible) {
        Map<String, String> names = new java.util.HashMap<>();
        visible.forEach((id, group) -> names.put(id, group.name()));
        return names;
    }
}
