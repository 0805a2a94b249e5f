package org.collaborative.app.group;

import java.util.HashSet;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.follow.FollowViews;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.member.People;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.group.GroupPage;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every page and fragment of a working group needs: the group, if this person may see it, and its names. */
@Component
public class GroupPages {

    private final GroupViews groups;
    private final ThemeViews themes;
    private final People people;
    private final ItemViews items;

    private final FollowViews follows;

    GroupPages(GroupViews groups, ThemeViews themes, People people, ItemViews items, FollowViews follows) {
        this.follows = follows;
        this.items = items;
        this.groups = groups;
        this.themes = themes;
        this.people = people;
    }

    /**
     * The group, if it exists and this person may see it: invitation-only groups only to their members and the people
     * invited, council-only groups never to partners. Anything else is "not found", so a group's existence does not leak.
     */
    public GroupPage visibleGroup(String groupId, WorkspaceUser user) {
        return groups.find(groupId)
                .filter(group -> mayView(group, user))
                .orElseThrow(() -> new NotFoundException("working group"));
    }

    /**
     * The group with one page of its questions ({@link GroupViews#findWithQuestionsPage}), if this person may see it:
     * what the group's page and its forms show.
     */
    public GroupPage visibleGroup(String groupId, WorkspaceUser user, int page) {
        return groups.findWithQuestionsPage(groupId, page)
                .filter(group -> mayView(group, user))
                .orElseThrow(() -> new NotFoundException("working group"));
    }

    /** The groups this person may see, by id. */
    public java.util.Map<String, GroupPage> visibleGroups(WorkspaceUser user) {
        return groups.allWithoutQuestions().stream()
                .filter(group -> mayView(group, user))
                .collect(java.util.stream.Collectors.toMap(GroupPage::id, group -> group));
    }

    /** The groups among these that this person may see, by id: read by id, without their questions. */
    public java.util.Map<String, GroupPage> visibleAmong(java.util.Collection<String> groupIds, WorkspaceUser user) {
        return groups.withoutQuestions(groupIds).stream()
                .filter(group -> mayView(group, user))
                .collect(java.util.stream.Collectors.toMap(GroupPage::id, group -> group));
    }

    /** Whether this person may see the group at all (see {@link #visibleGroup}). */
    public static boolean mayView(GroupPage group, WorkspaceUser user) {
        if (group.hasMember(user.memberId()) || group.hasInvited(user.memberId())) {
            return true;
        }
        GroupVisibility visibility = GroupVisibility.valueOf(group.visibility());
        return visibility == GroupVisibility.OPEN
                || (visibility == GroupVisibility.COUNCIL_ONLY && user.role() != MemberRole.PARTNER);
    }

    /** Whether this person looks after the group: one of its facilitators, or an administrator. */
    public static boolean stewards(GroupPage group, WorkspaceUser user) {
        return user.role() == MemberRole.ADMINISTRATOR || group.isFacilitator(user.memberId());
    }

    /** {@link #describe(Model, GroupPage, WorkspaceUser, int)} for the first page of questions. */
    public void describe(Model model, GroupPage group, WorkspaceUser user) {
        describe(model, group, user, 1);
    }

    /**
     * Puts the group, its theme, the names it mentions and whether this person is a member on the model, with one page
     * of its questions: the group's list is read from that page's first question on ({@link
     * GroupViews#findWithQuestionsPage}, or the whole list for page 1), and what lies beyond the page is left off and
     * only offered as "older questions".
     */
    public void describe(Model model, GroupPage read, WorkspaceUser user, int page) {
        boolean older = read.questions().size() > GroupViews.QUESTIONS_PER_PAGE;
        GroupPage group = older ? read.withQuestions(read.questions().subList(0, GroupViews.QUESTIONS_PER_PAGE)) : read;
        model.addAttribute("questionsPage", page);
        model.addAttribute("olderQuestions", older);
        Set<String> memberIds = new HashSet<>();
        Set<String> organisationIds = new HashSet<>();
        group.members().forEach(m -> {
            memberIds.add(m.memberId());
            organisationIds.add(m.organisationId());
        });
        group.questions().forEach(q -> {
            memberIds.add(q.askedBy());
            organisationIds.add(q.organisationId());
        });
        group.requests().forEach(r -> {
            memberIds.add(r.memberId());
            organisationIds.add(r.organisationId());
        });
        group.invitations().forEach(i -> {
            memberIds.add(i.memberId());
            memberIds.add(i.invitedBy());
            organisationIds.add(i.organisationId());
        });
        model.addAttribute("group", group);
        model.addAttribute("theme", themes.find(group.themeId()).orElse(null));
        People.Names names = people.names(memberIds, organisationIds);
        model.addAttribute("names", names);
        // Facilitators first, then everyone by name: a long list is read, not scanned.
        model.addAttribute(
                "sortedMembers",
                group.members().stream()
                        .sorted(java.util.Comparator.comparing(
                                        (GroupPage.Membership m) -> !group.isFacilitator(m.memberId()))
                                .thenComparing(m -> names.member(m.memberId()), String.CASE_INSENSITIVE_ORDER))
                        .toList());
        model.addAttribute("isMember", group.hasMember(user.memberId()));
        model.addAttribute("following", follows.follows(user.memberId(), FollowTarget.GROUP, group.id()));
        model.addAttribute("isFacilitator", group.isFacilitator(user.memberId()));
        // Those who look after the group rename and archive it; administrators also reopen it and appoint facilitators.
        model.addAttribute("isSteward", stewards(group, user));
        model.addAttribute("isAdministrator", user.role() == MemberRole.ADMINISTRATOR);
        model.addAttribute("hasAsked", group.hasRequestFrom(user.memberId()));
        model.addAttribute("declined", group.declinedRequestOf(user.memberId()).orElse(null));
        model.addAttribute("isInvited", group.hasInvited(user.memberId()));
        // Read by id from the group's own list: never a search of the whole items collection.
        model.addAttribute("evidence", items.shownByIds(group.itemIds(ItemType.EVIDENCE.key(), 50)));
        model.addAttribute("proposals", items.shownByIds(group.itemIds(ItemType.PROPOSAL.key(), 50)));
        // The forms on the page (a question, an invitation, a reason to decline) show their errors from here, and
        // are blank unless one comes back with its errors.
        if (!model.containsAttribute("declineForm")) {
            model.addAttribute("declineForm", MembershipForms.DeclineForm.blank());
        }
        if (!model.containsAttribute("inviteForm")) {
            model.addAttribute("inviteForm", MembershipForms.InviteForm.blank());
        }
        Forms.noErrors(model);
    }
}
