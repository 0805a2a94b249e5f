package org.collaborative.app.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.support.Snapshotting;
import org.collaborative.app.theme.ThemeDirectory;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A working group snapshotted many times over (ADR 31) answers every command as the same group rebuilt from all its
 * events: who is a member, who asked to join, who is invited, who facilitates and whether it is archived all come
 * through its snapshots.
 */
class WorkingGroupSnapshotTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final String THEME = "climate-change-and-carbon-reduction";
    private static final Actor FACILITATOR = new Actor("facilitator", "london-councils", MemberRole.FACILITATOR);
    private static final Actor ADMIN = new Actor("sam", "london-councils", MemberRole.ADMINISTRATOR);

    private static final ThemeDirectory CLIMATE = new ThemeDirectory() {
        @Override
        public boolean exists(String themeId) {
            return themeId.equals(THEME);
        }

        @Override
        public boolean isArchived(String themeId) {
            return false;
        }
    };

    private final Snapshotting<WorkingGroup> group = new Snapshotting<>(WorkingGroup.class, CLIMATE);

    @AfterEach
    void close() {
        group.close();
    }

    @Test
    void everyRuleThatRestsOnEarlierEventsHoldsAfterLoadingFromASnapshot() {
        group.send(new FormWorkingGroup(
                "g1", THEME, "Retrofit", "Insulating homes", GroupVisibility.COUNCIL_ONLY, "facilitator", "lc", AT));
        for (int i = 0; i < 30; i++) {
            group.send(new JoinWorkingGroup("g1", "asker-" + i, "E09000007", MemberRole.SERVICE_LEADER, AT));
        }
        for (int i = 0; i < 10; i++) {
            group.send(new ApproveJoinRequest("g1", "asker-" + i, "facilitator", AT));
        }
        group.send(new InviteToGroup("g1", "guest", "E09000012", MemberRole.SERVICE_LEADER, "facilitator", AT));
        group.send(new AppointFacilitator("g1", "asker-1", null, FACILITATOR, AT));
        group.send(new LeaveWorkingGroup("g1", "facilitator", AT));
        group.send(new ArchiveWorkingGroup("g1", "Its work moved to the programme board", ADMIN, AT));
        assertThat(group.snapshotsStored()).isGreaterThanOrEqualTo(5);
        assertThat(group.snapshotJson("g1")).contains("asker-29", "asker-0", "COUNCIL_ONLY");

        // Each of these depends on an event from before the last snapshot.
        assertThat(group.send(new JoinWorkingGroup("g1", "asker-3", "E09000007", MemberRole.SERVICE_LEADER, AT))
                        .events())
                .as("a member joining again records nothing")
                .isEmpty();
        assertThat(group.send(new LeaveWorkingGroup("g1", "asker-1", AT)).refusal())
                .as("the only facilitator left cannot leave")
                .contains("only facilitator");
        assertThat(group.send(new ApproveJoinRequest("g1", "asker-20", "asker-1", AT))
                        .refusal())
                .as("an archived group approves nobody")
                .contains("archived");
        group.send(new ReopenWorkingGroup("g1", ADMIN, AT));
        assertThat(group.send(new ApproveJoinRequest("g1", "asker-20", "asker-1", AT))
                        .events())
                .as("a request from before the snapshot is approved, with the organisation it was made from")
                .contains(new MemberJoinedGroup("g1", "asker-20", "E09000007", AT));
        assertThat(group.send(new JoinWorkingGroup("g1", "guest", "E09000012", MemberRole.SERVICE_LEADER, AT))
                        .events())
                .as("the invited member joins the council-only group at once")
                .containsExactly(new MemberJoinedGroup("g1", "guest", "E09000012", AT));

        assertThat(group.snapshotsRead()).isPositive();
        assertThat(group.loadedFromSnapshot("g1")).usingRecursiveComparison().isEqualTo(group.rebuiltFromEvents("g1"));
    }

    private void formAndFill() {
        group.send(new FormWorkingGroup(
                "g1", THEME, "Retrofit", "Insulating homes", GroupVisibility.OPEN, "facilitator", "lc", AT));
        for (int i = 0; i < 25; i++) {
            group.send(new JoinWorkingGroup("g1", "member-" + i, "E09000007", MemberRole.SERVICE_LEADER, AT));
        }
        assertThat(group.snapshotJson("g1")).contains("member-1");
    }

    /** After an upgrade that changed the group's shape, its old snapshot is not read: the group is rebuilt. */
    @Test
    void aSnapshotOfAnotherRevisionIsIgnoredAndTheGroupIsRebuiltFromItsEvents() {
        formAndFill();
        // What an older build wrote: its shape is gone, so nothing of it may be read into this one.
        group.replaceSnapshot("g1", "1/0badcafe", "{}");
        int read = group.snapshotsRead();

        assertThat(group.send(new LeaveWorkingGroup("g1", "facilitator", AT)).refusal())
                .contains("only facilitator");
        assertThat(group.send(new JoinWorkingGroup("g1", "member-3", "E09000007", MemberRole.SERVICE_LEADER, AT))
                        .events())
                .isEmpty();

        assertThat(group.snapshotJson("g1"))
                .as("a snapshot of this build replaced it")
                .contains("member-24");
        assertThat(group.snapshotsRead()).as("the new snapshot is read again").isGreaterThan(read);
    }

    /** A snapshot that cannot be read (whatever the reason) is dropped and the group rebuilt, not a failed command. */
    @Test
    void anUnreadableSnapshotIsIgnoredAndTheGroupIsRebuiltFromItsEvents() {
        formAndFill();
        group.replaceSnapshot("g1", AggregateSnapshots.revisionOf(WorkingGroup.class), "{\"noSuchField\":true}");

        assertThat(group.send(new LeaveWorkingGroup("g1", "facilitator", AT)).refusal())
                .contains("only facilitator");
        assertThat(group.send(new JoinWorkingGroup("g1", "newcomer", "E09000012", MemberRole.SERVICE_LEADER, AT))
                        .events())
                .containsExactly(new MemberJoinedGroup("g1", "newcomer", "E09000012", AT));
    }
}
