package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.group.WorkingGroup.CouncilOnlyGroupException;
import org.collaborative.app.group.WorkingGroup.GroupIsInvitationOnlyException;
import org.collaborative.app.group.WorkingGroup.UnknownThemeException;
import org.collaborative.app.theme.ThemeDirectory;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.WorkingGroupFormed;
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

    private AggregateTestFixture<WorkingGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkingGroup.class);
        fixture.registerInjectableResource(ONLY_CLIMATE);
    }

    private static WorkingGroupFormed formed(GroupVisibility visibility) {
        return new WorkingGroupFormed("g1", THEME, "Retrofit", "Insulating homes", visibility, "facilitator", "london-councils", AT);
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
                .expectException(org.collaborative.app.RuleBrokenException.class)
                .expectExceptionMessage("You facilitate this group, so you cannot leave it");
        fixture.given(formed(GroupVisibility.OPEN), joined,
                        new org.collaborative.events.group.MemberLeftGroup("g1", "tom", AT))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, org.collaborative.events.member.MemberRole.SERVICE_LEADER, AT))
                .expectEvents(joined);
    }

    @Test
    void noGroupFormsOnAnArchivedTheme() {
        fixture.givenNoPriorActivity()
                .when(new FormWorkingGroup("g1", ARCHIVED, "Old", "", GroupVisibility.OPEN, "facilitator",
                        "london-councils", AT))
                .expectException(org.collaborative.app.RuleBrokenException.class)
                .expectExceptionMessage("This theme is archived, so no new working groups can form on it");
    }

    @Test
    void formsAGroupOnATheme() {
        fixture.givenNoPriorActivity()
                .when(new FormWorkingGroup("g1", THEME, " Retrofit ", "Insulating homes", GroupVisibility.OPEN,
                        "facilitator", "london-councils", AT))
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
    void aCouncilMemberCanJoinACouncilOnlyGroup() {
        fixture.given(formed(GroupVisibility.COUNCIL_ONLY))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.SERVICE_LEADER, AT))
                .expectEvents(new MemberJoinedGroup("g1", "tom", CAMDEN, AT));
    }

    @Test
    void nobodyJoinsAnInvitationOnlyGroupUninvited() {
        fixture.given(formed(GroupVisibility.INVITATION_ONLY))
                .when(new JoinWorkingGroup("g1", "tom", CAMDEN, MemberRole.CHIEF_EXECUTIVE, AT))
                .expectException(GroupIsInvitationOnlyException.class)
                .expectNoEvents();
    }
}
