package org.collaborative.app.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.theme.ThemeDirectory;
import org.collaborative.events.group.ErasedMemberRemovedFromGroup;
import org.collaborative.events.group.FacilitatorAppointed;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.InvitationDeclined;
import org.collaborative.events.group.JoinRequestApproved;
import org.collaborative.events.group.JoinRequestDeclined;
import org.collaborative.events.group.JoinRequested;
import org.collaborative.events.group.MemberInvitedToGroup;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.MemberLeftGroup;
import org.collaborative.events.group.WorkingGroupArchived;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.group.WorkingGroupRenamed;
import org.collaborative.events.group.WorkingGroupReopened;
import org.collaborative.events.member.MemberRole;

/**
 * A working group on a theme: its name, visibility and who belongs to it. An archived group is read-only: no one joins,
 * is invited, approved or appointed, and it is not renamed (what is posted in it is refused by the items' own
 * aggregates, through {@link GroupRules}); people may still leave it or decline an invitation, and an administrator
 * may reopen it.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class WorkingGroup {

    public static final int MAX_NAME = 120;
    public static final int MAX_PURPOSE = 2_000;
    public static final int MAX_REASON = 1_000;

    @AggregateIdentifier
    private String groupId;

    private String name;
    private String purpose;
    private GroupVisibility visibility;
    private boolean archived;
    private final Set<String> facilitators = new HashSet<>();
    private final Set<String> members = new HashSet<>();
    /** Pending requests to join: member id → organisation id. */
    private final Map<String, String> requests = new HashMap<>();

    private final Set<String> invited = new HashSet<>();

    protected WorkingGroup() {}

    @CommandHandler
    public WorkingGroup(FormWorkingGroup command, ThemeDirectory themes) {
        DomainRules.requireText("name", command.name(), MAX_NAME);
        DomainRules.optionalText("purpose", command.purpose(), MAX_PURPOSE);
        DomainRules.require("visibility", command.visibility());
        if (!themes.exists(command.themeId())) {
            throw new UnknownThemeException(command.themeId());
        }
        if (themes.isArchived(command.themeId())) {
            throw new RuleBrokenException("This theme is archived, so no new working groups can form on it");
        }
        apply(new WorkingGroupFormed(
                command.groupId(),
                command.themeId(),
                command.name().strip(),
                command.purpose() == null ? "" : command.purpose().strip(),
                command.visibility(),
                command.facilitatorId(),
                command.facilitatorOrganisationId(),
                command.at()));
    }

    /**
     * Joining: at once for an open group or for an invited member; a request for a facilitator to approve in a
     * council-only group; refused for partners in a council-only group and for anyone uninvited to an invitation-only
     * one. Joining (or asking) twice records nothing the second time.
     */
    @CommandHandler
    void handle(JoinWorkingGroup command) {
        if (members.contains(command.memberId()) || requests.containsKey(command.memberId())) {
            return;
        }
        requireNotArchived("join it");
        if (invited.contains(command.memberId()) || visibility == GroupVisibility.OPEN) {
            apply(new MemberJoinedGroup(command.groupId(), command.memberId(), command.organisationId(), command.at()));
            return;
        }
        if (visibility == GroupVisibility.INVITATION_ONLY) {
            throw new GroupIsInvitationOnlyException();
        }
        if (command.role() == MemberRole.PARTNER) {
            throw new CouncilOnlyGroupException();
        }
        apply(new JoinRequested(command.groupId(), command.memberId(), command.organisationId(), command.at()));
    }

    @CommandHandler
    void handle(ApproveJoinRequest command) {
        requireFacilitator(command.facilitatorId());
        requireNotArchived("approve requests to join it");
        String organisationId = requests.get(command.memberId());
        if (organisationId == null) {
            if (members.contains(command.memberId())) {
                return;
            }
            throw new RuleBrokenException("There is no request from this person to approve");
        }
        apply(new JoinRequestApproved(groupId, command.memberId(), command.facilitatorId(), command.at()));
        apply(new MemberJoinedGroup(groupId, command.memberId(), organisationId, command.at()));
    }

    @CommandHandler
    void handle(DeclineJoinRequest command) {
        requireFacilitator(command.facilitatorId());
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        if (!requests.containsKey(command.memberId())) {
            throw new RuleBrokenException("There is no request from this person to decline");
        }
        apply(new JoinRequestDeclined(
                groupId,
                command.memberId(),
                command.facilitatorId(),
                command.reason().strip(),
                command.at()));
    }

    /** Inviting a member or someone already invited records nothing. Partners are never invited to council-only groups. */
    @CommandHandler
    void handle(InviteToGroup command) {
        requireFacilitator(command.facilitatorId());
        DomainRules.require("member", command.memberId());
        if (members.contains(command.memberId()) || invited.contains(command.memberId())) {
            return;
        }
        requireNotArchived("invite anyone to it");
        if (visibility == GroupVisibility.COUNCIL_ONLY && command.role() == MemberRole.PARTNER) {
            throw new RuleBrokenException(
                    "This group is for councils and public bodies only, so partners cannot be invited");
        }
        apply(new MemberInvitedToGroup(
                groupId, command.memberId(), command.organisationId(), command.facilitatorId(), command.at()));
    }

    @CommandHandler
    void handle(DeclineInvitation command) {
        if (!invited.contains(command.memberId())) {
            return;
        }
        apply(new InvitationDeclined(groupId, command.memberId(), command.at()));
    }

    /**
     * A facilitator appoints another member; an administrator appoints anyone, who joins the group first if they were
     * not in it. Appointing a facilitator again records nothing.
     */
    @CommandHandler
    void handle(AppointFacilitator command) {
        Actor actor = command.actor();
        boolean administrator = actor.role() == MemberRole.ADMINISTRATOR;
        if (!administrator) {
            requireFacilitator(actor.memberId());
        }
        DomainRules.require("member", command.memberId());
        if (facilitators.contains(command.memberId())) {
            return;
        }
        requireNotArchived("appoint its facilitators");
        if (!members.contains(command.memberId())) {
            if (!administrator) {
                throw new RuleBrokenException("Only a member of the group can become one of its facilitators");
            }
            DomainRules.require("organisation", command.memberOrganisationId());
            apply(new MemberJoinedGroup(groupId, command.memberId(), command.memberOrganisationId(), command.at()));
        }
        apply(new FacilitatorAppointed(groupId, command.memberId(), actor.memberId(), command.at()));
    }

    /** Giving the group the name and purpose it already has records nothing. */
    @CommandHandler
    void handle(RenameWorkingGroup command) {
        requireSteward(command.actor());
        requireNotArchived("rename it");
        DomainRules.requireText("name", command.name(), MAX_NAME);
        DomainRules.optionalText("purpose", command.purpose(), MAX_PURPOSE);
        String newName = command.name().strip();
        String newPurpose = command.purpose() == null ? "" : command.purpose().strip();
        if (newName.equals(name) && newPurpose.equals(purpose)) {
            return;
        }
        apply(new WorkingGroupRenamed(
                groupId, newName, newPurpose, command.actor().memberId(), command.at()));
    }

    /** Archiving an archived group records nothing. */
    @CommandHandler
    void handle(ArchiveWorkingGroup command) {
        requireSteward(command.actor());
        if (archived) {
            return;
        }
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        apply(new WorkingGroupArchived(
                groupId, command.reason().strip(), command.actor().memberId(), command.at()));
    }

    /** Only administrators reopen a group; reopening one that is not archived records nothing. */
    @CommandHandler
    void handle(ReopenWorkingGroup command) {
        if (command.actor().role() != MemberRole.ADMINISTRATOR) {
            throw new RuleBrokenException("Only administrators can reopen an archived group");
        }
        if (archived) {
            apply(new WorkingGroupReopened(groupId, command.actor().memberId(), command.at()));
        }
    }

    /** Leaving a group one is not in records nothing. A group always keeps at least one facilitator. */
    @CommandHandler
    void handle(LeaveWorkingGroup command) {
        if (!members.contains(command.memberId())) {
            return;
        }
        if (facilitators.contains(command.memberId()) && facilitators.size() == 1) {
            throw new RuleBrokenException(
                    "You are this group's only facilitator. Make another member a facilitator before you leave");
        }
        apply(new MemberLeftGroup(groupId, command.memberId(), command.at()));
    }

    /**
     * An erased member goes from the group whatever their part in it, even as its only facilitator (an erasure cannot
     * wait for a successor); a member with no part in the group records nothing, so that sending it again is harmless.
     */
    @CommandHandler
    void handle(RemoveErasedMember command) {
        String memberId = command.memberId();
        if (members.contains(memberId) || requests.containsKey(memberId) || invited.contains(memberId)) {
            apply(new ErasedMemberRemovedFromGroup(groupId, memberId, command.at()));
        }
    }

    /** The group's facilitators and administrators look after it. */
    private void requireSteward(Actor actor) {
        if (actor.role() != MemberRole.ADMINISTRATOR && !facilitators.contains(actor.memberId())) {
            throw new RuleBrokenException("Only the group's facilitators and administrators can do this");
        }
    }

    private void requireNotArchived(String doing) {
        if (archived) {
            throw new GroupRules.GroupArchivedException(doing);
        }
    }

    private void requireFacilitator(String memberId) {
        if (!facilitators.contains(memberId)) {
            throw new RuleBrokenException("Only the group's facilitators can do this");
        }
    }

    @EventSourcingHandler
    void on(WorkingGroupFormed event) {
        groupId = event.groupId();
        name = event.name();
        purpose = event.purpose();
        visibility = event.visibility();
        facilitators.add(event.facilitatorId());
        members.add(event.facilitatorId());
    }

    @EventSourcingHandler
    void on(MemberJoinedGroup event) {
        members.add(event.memberId());
        requests.remove(event.memberId());
        invited.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberLeftGroup event) {
        members.remove(event.memberId());
        facilitators.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(ErasedMemberRemovedFromGroup event) {
        members.remove(event.memberId());
        facilitators.remove(event.memberId());
        requests.remove(event.memberId());
        invited.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(JoinRequested event) {
        requests.put(event.memberId(), event.organisationId());
    }

    @EventSourcingHandler
    void on(JoinRequestDeclined event) {
        requests.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberInvitedToGroup event) {
        invited.add(event.memberId());
    }

    @EventSourcingHandler
    void on(InvitationDeclined event) {
        invited.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(FacilitatorAppointed event) {
        facilitators.add(event.memberId());
    }

    @EventSourcingHandler
    void on(WorkingGroupRenamed event) {
        name = event.name();
        purpose = event.purpose();
    }

    @EventSourcingHandler
    void on(WorkingGroupArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(WorkingGroupReopened event) {
        archived = false;
    }

    public static class UnknownThemeException extends RuleBrokenException {
        public UnknownThemeException(String themeId) {
            super("There is no theme with the id " + themeId);
        }
    }

    public static class GroupIsInvitationOnlyException extends RuleBrokenException {
        public GroupIsInvitationOnlyException() {
            super("This group is by invitation only. Ask one of its facilitators to invite you");
        }
    }

    public static class CouncilOnlyGroupException extends RuleBrokenException {
        public CouncilOnlyGroupException() {
            super("This group is for councils and public bodies only");
        }
    }
}
