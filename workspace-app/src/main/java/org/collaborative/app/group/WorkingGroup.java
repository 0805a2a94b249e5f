package org.collaborative.app.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.DomainRules;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.theme.ThemeDirectory;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.MemberLeftGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.member.MemberRole;

/** A working group on a theme: its visibility and who belongs to it. */
@Aggregate
public class WorkingGroup {

    public static final int MAX_NAME = 120;
    public static final int MAX_PURPOSE = 2_000;

    @AggregateIdentifier
    private String groupId;

    private GroupVisibility visibility;
    private String facilitatorId;
    private final Set<String> members = new HashSet<>();

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

    /** Joining twice changes nothing: the second request records no event. */
    @CommandHandler
    void handle(JoinWorkingGroup command) {
        if (members.contains(command.memberId())) {
            return;
        }
        if (visibility == GroupVisibility.INVITATION_ONLY) {
            throw new GroupIsInvitationOnlyException();
        }
        if (visibility == GroupVisibility.COUNCIL_ONLY && command.role() == MemberRole.PARTNER) {
            throw new CouncilOnlyGroupException();
        }
        apply(new MemberJoinedGroup(command.groupId(), command.memberId(), command.organisationId(), command.at()));
    }

    /**
     * Leaving a group one is not in records nothing. The group's facilitator stays: a group always has one (appointing
     * another is not built yet).
     */
    @CommandHandler
    void handle(LeaveWorkingGroup command) {
        if (!members.contains(command.memberId())) {
            return;
        }
        if (command.memberId().equals(facilitatorId)) {
            throw new RuleBrokenException("You facilitate this group, so you cannot leave it");
        }
        apply(new MemberLeftGroup(groupId, command.memberId(), command.at()));
    }

    @EventSourcingHandler
    void on(WorkingGroupFormed event) {
        groupId = event.groupId();
        visibility = event.visibility();
        facilitatorId = event.facilitatorId();
        members.add(event.facilitatorId());
    }

    @EventSourcingHandler
    void on(MemberLeftGroup event) {
        members.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberJoinedGroup event) {
        members.add(event.memberId());
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
