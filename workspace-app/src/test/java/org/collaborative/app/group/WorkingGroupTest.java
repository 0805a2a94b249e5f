package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.group.WorkingGroup.CouncilOnlyGroupException;
import org.collaborative.app.group.WorkingGroup.GroupIsInvitationOnlyException;
import org.collaborative.app.group.WorkingGroup.UnknownThemeException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkingGroupTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final String THEME = "climate-change-and-carbon-reduction";
    private static final String CAMDEN = "E09000007";
    private static final String ARCHIVED = "archived-theme";

    /** Climate change, and one archived theme. */
    private static final ThemeDirectory ONLY_CLIMATE = new ThemeDirectory() {
        @Override
        public boolean exists(String themeId) {
            return themeId.equals(THEME) || themeId.equals(ARCHIVED);
        }

        @Override
        public boolean isArchived(String themeId) {
            return themeId.equals(ARCHIVED);
        }
    };

    /** The group's founder, a facilitator by role. */
    private static final Actor FACILITATOR = new Actor("facilitator", "london-councils", MemberRole.FACILITATOR);
    /** An administrator who is no member of the group. */
    private static final Actor ADMIN = new Actor("sam", "london-councils", MemberRole.ADMINISTRATOR);
    /** A facilitator by role who does not facilitate this group. */
    private static final Actor OTHER_FACILITATOR = new Actor("kim", CAMDEN, MemberRole.FACILITATOR);

    private static final WorkingGroupArchived ARCHIVED_GROUP =
            new WorkingGroupArchived("g1", "Its work moved to the programme board", "facilitator", AT);

    private AggregateTestFixture<WorkingGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkingGroup.class);
        fixture.registerInjectableResource(ONLY_CLIMATE);
    }

    private static WorkingGroupFormed formed(GroupVisibility visibility) {
        return new WorkingGroupFormed(
                "g1", THEME, "Retrofit", "Insulating homes", visibility, "facilitator", "london-councils", AT);
    }

    @Test
    void anErasedMemberIsRemovedWhateverTheirPartEvenAsTheOnlyFacilitator() {
        MemberJoinedGroup joined = new MemberJoinedGroup("g1", "tom", CAMDEN, AT);
        ErasedMemberRemovedFromGroup tomRemoved = new ErasedMemberRemovedFromGroup("g1", "tom", AT);
        fixture.given(formed(GroupVisibility.OPEN), joined)
                .when(new RemoveErasedMember("g1", "tom", AT))
                .expectEvents(tomRemoved);
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new RemoveErasedMember("g1", "facilitator", AT))
                .expectEvents(new ErasedMemberRemovedFromGroup("g1", "facilitator", AT));
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), new JoinRequested("g1", "tom", CAMDEN, AT))
                .when(new RemoveErasedMember("g1", "tom", AT))
                .expectEvents(tomRemoved);
        fixture.given(
                        formed(GroupVisibility.INVITATION_ONLY),
                        new MemberInvitedToGroup("g1", "tom", CAMDEN, "facilitator", AT))
                .when(new RemoveErasedMember("g1", "tom", AT))
                .expectEvents(tomRemoved);
        // Sending it again, or for someone with no part in the group, records nothing.
        fixture.given(formed(GroupVisibility.OPEN), joined, tomRemoved)
                .when(new RemoveErasedMember("g1", "tom", AT))
                .expectNoEvents();
        // Once removed, a request or an invitation of theirs is gone: it cannot be approved.
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), new JoinRequested("g1", "tom", CAMDEN, AT), tomRemoved)
                .when(new ApproveJoinRequest("g1", "tom", "facilitator", AT))
                .expectException(RuleBrokenException.class);
    }

    @Test
    void aMemberLeavesButTheFacilitatorStays() {
        org.collaborative.events.group.MemberJoinedGroup joined =
                new org.collaborative.events.group.MemberJoinedGroup("g1", "tom", CAMDEN, AT);
        fixture.given(formed(GroupVisibility.OPEN), joined)
                .when(new LeaveWorkingGroup("g1", "tom", AT))
                .expectEvents(new org.collaborative.events.group.MemberLeftGroup("g1", "tom", AT));
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new LeaveWorkingGroup("g1", "tom", AT))
                .expectNoEvents();
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new LeaveWorkingGroup("g1", "facilitator", AT))
                .expectException(org.collaborative.app.kernel.RuleBrokenException.class)
                .expectExceptionMessage(
                        "You are this group's only facilitator. Make another member a facilitator before you leave");
        fixture.given(
                        formed(GroupVisibility.OPEN),
                        joined,
                        new org.collaborative.events.group.MemberLeftGroup("g1", "tom", AT))
                .when(new JoinWorkingGroup(
                        "g1", "tom", CAMDEN, org.collaborative.events.member.MemberRole.SERVICE_LEADER, AT))
                .expectEvents(joined);
    }

    @Test
    void noGroupFormsOnAnArchivedTheme() {
        fixture.givenNoPriorActivity()
                .when(new FormWorkingGroup(
                        "g1", ARCHIVED, "Old", "", GroupVisibility.OPEN, "facilitator", "london-councils", AT))
                .expectException(org.collaborative.app.kernel.RuleBrokenException.class)
                .expectExceptionMessage("This theme is archived, so no new working groups can form on it");
    }

    @Test
    void formsAGroupOnATheme() {
        fixture.givenNoPriorActivity()
                .when(new FormWorkingGroup(
                        "g1",
                        THEME,
                        " Retrofit ",
                        "Insulating homes",
                        GroupVisibility.OPEN,
                        "facilitator",
                        "london-councils",
                        AT))
                .expectEvents(formed(GroupVisibility.OPEN));
    }

    @Test
    void cannotFormAGroupOnAThemeThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new FormWorkingGroup("g1", "no-such-theme", "Retrofit", "", GroupVisibility.OPEN, "f", "o", AT))
                .expectException(UnknownThemeException.class)
                .expectNoEvents();
    }

    @Test
    void cannotFormAGroupWithoutAVisibility() {
        fixture.givenNoPriorActivity()
                .when(new FormWorkingGroup("g1", THEME, "Retrofit", "", null, "f", "o", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Choose a visibility");
    }

    @Test
    void aMemberJoinsAnOpenGroupAtOnce() {
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectEvents(new MemberJoinedGroup("g1", "tom", CAMDEN, AT));
    }

    @Test
    void joiningTwiceRecordsNothingTheSecondTime() {
        fixture.given(formed(GroupVisibility.OPEN), new MemberJoinedGroup("g1", "tom", CAMDEN, AT))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theFacilitatorIsAlreadyAMember() {
        fixture.given(formed(GroupVisibility.INVITATION_ONLY))
                .when(new JoinWorkingGroup("g1", "facilitator", "london-councils", MemberRole.FACILITATOR, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPartnerCannotJoinACouncilOnlyGroup() {
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY))
                .when(new JoinWorkingGroup("g1", "ben", "partner-org", MemberRole.PARTNER, AT))
                .expectException(CouncilOnlyGroupException.class)
                .expectNoEvents();
    }

    @Test
    void aCouncilMemberAsksToJoinACouncilOnlyGroupAndAFacilitatorApproves() {
        JoinRequested asked = new JoinRequested("g1", "tom", CAMDEN, AT);
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectEvents(asked);
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), asked)
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), asked)
                .when(new ApproveJoinRequest("g1", "tom", "facilitator", AT))
                .expectEvents(
                        new JoinRequestApproved("g1", "tom", "facilitator", AT),
                        new MemberJoinedGroup("g1", "tom", CAMDEN, AT));
    }

    @Test
    void onlyAFacilitatorApprovesOrDeclinesAndOnlyARequestThatExists() {
        JoinRequested asked = new JoinRequested("g1", "tom", CAMDEN, AT);
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), asked)
                .when(new ApproveJoinRequest("g1", "tom", "tom", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only the group's facilitators can do this");
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY))
                .when(new ApproveJoinRequest("g1", "tom", "facilitator", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("There is no request from this person to approve");
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), asked)
                .when(new DeclineJoinRequest("g1", "tom", "facilitator", " ", AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a reason");
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), asked)
                .when(new DeclineJoinRequest("g1", "tom", "facilitator", " For directors. ", AT))
                .expectEvents(new JoinRequestDeclined("g1", "tom", "facilitator", "For directors.", AT));
        // Declined, the member may ask again.
        fixture.given(
                        formed(GroupVisibility.COUNCIL_ONLY),
                        asked,
                        new JoinRequestDeclined("g1", "tom", "facilitator", "For directors.", AT))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectEvents(asked);
    }

    @Test
    void anInvitedMemberJoinsAtOnceOrDeclines() {
        MemberInvitedToGroup invited = new MemberInvitedToGroup("g1", "tom", CAMDEN, "facilitator", AT);
        fixture.given(formed(GroupVisibility.INVITATION_ONLY))
                .when(new InviteToGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, "facilitator", AT))
                .expectEvents(invited);
        fixture.given(formed(GroupVisibility.INVITATION_ONLY), invited)
                .when(new InviteToGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, "facilitator", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(formed(GroupVisibility.INVITATION_ONLY), invited)
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectEvents(new MemberJoinedGroup("g1", "tom", CAMDEN, AT));
        fixture.given(formed(GroupVisibility.INVITATION_ONLY), invited)
                .when(new DeclineInvitation("g1", "tom", AT))
                .expectEvents(new InvitationDeclined("g1", "tom", AT));
        fixture.given(formed(GroupVisibility.INVITATION_ONLY), invited, new InvitationDeclined("g1", "tom", AT))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectException(GroupIsInvitationOnlyException.class);
        fixture.given(formed(GroupVisibility.INVITATION_ONLY))
                .when(new InviteToGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, "tom", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only the group's facilitators can do this");
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY))
                .when(new InviteToGroup("g1", "ben", "partner-org", MemberRole.PARTNER, "facilitator", AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage(
                        "This group is for councils and public bodies only, so partners cannot be invited");
    }

    @Test
    void aGroupHasOneOrMoreFacilitatorsAndAlwaysKeepsOne() {
        MemberJoinedGroup tomJoined = new MemberJoinedGroup("g1", "tom", CAMDEN, AT);
        FacilitatorAppointed appointed = new FacilitatorAppointed("g1", "tom", "facilitator", AT);
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new AppointFacilitator("g1", "tom", CAMDEN, FACILITATOR, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only a member of the group can become one of its facilitators");
        fixture.given(formed(GroupVisibility.OPEN), tomJoined)
                .when(new AppointFacilitator("g1", "tom", CAMDEN, new Actor("tom", CAMDEN, MemberRole.FACILITATOR), AT))
                .expectException(RuleBrokenException.class);
        fixture.given(formed(GroupVisibility.OPEN), tomJoined)
                .when(new AppointFacilitator("g1", "tom", CAMDEN, FACILITATOR, AT))
                .expectEvents(appointed);
        // With two facilitators, the first may leave; then the second is the only one and must stay.
        fixture.given(formed(GroupVisibility.OPEN), tomJoined, appointed)
                .when(new LeaveWorkingGroup("g1", "facilitator", AT))
                .expectEvents(new MemberLeftGroup("g1", "facilitator", AT));
        fixture.given(formed(GroupVisibility.OPEN), tomJoined, appointed, new MemberLeftGroup("g1", "facilitator", AT))
                .when(new LeaveWorkingGroup("g1", "tom", AT))
                .expectException(RuleBrokenException.class);
        // The new facilitator can approve requests.
        fixture.given(
                        formed(GroupVisibility.COUNCIL_ONLY),
                        tomJoined,
                        appointed,
                        new JoinRequested("g1", "amy", CAMDEN, AT))
                .when(new ApproveJoinRequest("g1", "amy", "tom", AT))
                .expectEvents(
                        new JoinRequestApproved("g1", "amy", "tom", AT),
                        new MemberJoinedGroup("g1", "amy", CAMDEN, AT));
    }

    @Test
    void nobodyJoinsAnInvitationOnlyGroupUninvited() {
        fixture.given(formed(GroupVisibility.INVITATION_ONLY))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.CHIEF_EXECUTIVE, AT))
                .expectException(GroupIsInvitationOnlyException.class)
                .expectNoEvents();
    }

    @Test
    void aFacilitatorOfTheGroupRenamesIt() {
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new RenameWorkingGroup("g1", "  Retrofitting homes ", " Street by street ", FACILITATOR, AT))
                .expectEvents(
                        new WorkingGroupRenamed("g1", "Retrofitting homes", "Street by street", "facilitator", AT));
    }

    @Test
    void anAdministratorRenamesAnyGroup() {
        fixture.given(formed(GroupVisibility.INVITATION_ONLY))
                .when(new RenameWorkingGroup("g1", "Retrofitting homes", null, ADMIN, AT))
                .expectEvents(new WorkingGroupRenamed("g1", "Retrofitting homes", "", "sam", AT));
    }

    @Test
    void aFacilitatorOfAnotherGroupCannotRenameThisOne() {
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new RenameWorkingGroup("g1", "Mine now", "", OTHER_FACILITATOR, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only the group's facilitators and administrators can do this");
    }

    @Test
    void aNameIsRequiredAndKeepsTheLimitsOfFormingAGroup() {
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new RenameWorkingGroup("g1", " ", "", FACILITATOR, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a name");
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new RenameWorkingGroup("g1", "x".repeat(WorkingGroup.MAX_NAME + 1), "", FACILITATOR, AT))
                .expectException(InvalidInputException.class);
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new RenameWorkingGroup(
                        "g1", "Retrofit", "x".repeat(WorkingGroup.MAX_PURPOSE + 1), FACILITATOR, AT))
                .expectException(InvalidInputException.class);
    }

    @Test
    void renamingToTheSameNameAndPurposeRecordsNothing() {
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new RenameWorkingGroup("g1", "Retrofit", "Insulating homes", FACILITATOR, AT))
                .expectNoEvents();
    }

    @Test
    void aFacilitatorArchivesTheGroupWithAReason() {
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new ArchiveWorkingGroup("g1", " Its work moved to the programme board ", FACILITATOR, AT))
                .expectEvents(ARCHIVED_GROUP);
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new ArchiveWorkingGroup("g1", "", FACILITATOR, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a reason");
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new ArchiveWorkingGroup("g1", "Done", OTHER_FACILITATOR, AT))
                .expectException(RuleBrokenException.class);
        fixture.given(formed(GroupVisibility.OPEN), ARCHIVED_GROUP)
                .when(new ArchiveWorkingGroup("g1", "Again", ADMIN, AT))
                .expectNoEvents();
    }

    @Test
    void anArchivedGroupRefusesJoiningInvitingApprovingAppointingAndRenaming() {
        MemberJoinedGroup tomJoined = new MemberJoinedGroup("g1", "tom", CAMDEN, AT);
        fixture.given(formed(GroupVisibility.OPEN), ARCHIVED_GROUP)
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectException(GroupRules.GroupArchivedException.class)
                .expectExceptionMessage("This group is archived, so you cannot join it");
        fixture.given(formed(GroupVisibility.OPEN), ARCHIVED_GROUP)
                .when(new InviteToGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, "facilitator", AT))
                .expectException(GroupRules.GroupArchivedException.class);
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), new JoinRequested("g1", "tom", CAMDEN, AT), ARCHIVED_GROUP)
                .when(new ApproveJoinRequest("g1", "tom", "facilitator", AT))
                .expectException(GroupRules.GroupArchivedException.class);
        fixture.given(formed(GroupVisibility.OPEN), tomJoined, ARCHIVED_GROUP)
                .when(new AppointFacilitator("g1", "tom", CAMDEN, FACILITATOR, AT))
                .expectException(GroupRules.GroupArchivedException.class);
        fixture.given(formed(GroupVisibility.OPEN), ARCHIVED_GROUP)
                .when(new RenameWorkingGroup("g1", "New name", "", FACILITATOR, AT))
                .expectException(GroupRules.GroupArchivedException.class)
                .expectExceptionMessage("This group is archived, so you cannot rename it");
    }

    @Test
    void membersMayStillLeaveAnArchivedGroup() {
        fixture.given(formed(GroupVisibility.OPEN), new MemberJoinedGroup("g1", "tom", CAMDEN, AT), ARCHIVED_GROUP)
                .when(new LeaveWorkingGroup("g1", "tom", AT))
                .expectEvents(new MemberLeftGroup("g1", "tom", AT));
    }

    @Test
    void onlyAnAdministratorReopensAnArchivedGroup() {
        fixture.given(formed(GroupVisibility.OPEN), ARCHIVED_GROUP)
                .when(new ReopenWorkingGroup("g1", FACILITATOR, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only administrators can reopen an archived group");
        fixture.given(formed(GroupVisibility.OPEN), ARCHIVED_GROUP)
                .when(new ReopenWorkingGroup("g1", ADMIN, AT))
                .expectEvents(new WorkingGroupReopened("g1", "sam", AT));
        fixture.given(formed(GroupVisibility.OPEN))
                .when(new ReopenWorkingGroup("g1", ADMIN, AT))
                .expectNoEvents();
    }

    @Test
    void aReopenedGroupTakesMembersAgain() {
        fixture.given(formed(GroupVisibility.OPEN), ARCHIVED_GROUP, new WorkingGroupReopened("g1", "sam", AT))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectEvents(new MemberJoinedGroup("g1", "tom", CAMDEN, AT));
    }

    @Test
    void anAdministratorAppointsAFacilitatorToAGroupLeftWithNone() {
        // The only facilitator was erased: the group has no facilitator and no member.
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY), new ErasedMemberRemovedFromGroup("g1", "facilitator", AT))
                .when(new AppointFacilitator("g1", "tom", CAMDEN, ADMIN, AT))
                .expectEvents(
                        new MemberJoinedGroup("g1", "tom", CAMDEN, AT),
                        new FacilitatorAppointed("g1", "tom", "sam", AT));
    }

    @Test
    void anAdministratorAppointsAMemberWithoutJoiningThemAgain() {
        fixture.given(formed(GroupVisibility.OPEN), new MemberJoinedGroup("g1", "tom", CAMDEN, AT))
                .when(new AppointFacilitator("g1", "tom", CAMDEN, ADMIN, AT))
                .expectEvents(new FacilitatorAppointed("g1", "tom", "sam", AT));
    }

    @Test
    void aFacilitatorByRoleWhoDoesNotFacilitateTheGroupCannotAppoint() {
        fixture.given(formed(GroupVisibility.OPEN), new MemberJoinedGroup("g1", "tom", CAMDEN, AT))
                .when(new AppointFacilitator("g1", "tom", CAMDEN, OTHER_FACILITATOR, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only the group's facilitators can do this");
    }
}
