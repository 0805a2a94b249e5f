package org.collaborative.app.retreat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.personaldata.KeysInMemory;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.retreat.RetreatCommands.AllocateBreakouts;
import org.collaborative.app.retreat.RetreatCommands.ChangeRetreat;
import org.collaborative.app.retreat.RetreatCommands.Details;
import org.collaborative.app.retreat.RetreatCommands.GiveUpPlace;
import org.collaborative.app.retreat.RetreatCommands.InvitePeople;
import org.collaborative.app.retreat.RetreatCommands.PlanSession;
import org.collaborative.app.retreat.RetreatCommands.RegisterForRetreat;
import org.collaborative.app.retreat.RetreatCommands.ScheduleRetreat;
import org.collaborative.app.retreat.RetreatCommands.Session;
import org.collaborative.app.retreat.RetreatCommands.StateBreakoutPreferences;
import org.collaborative.app.support.Snapshotting;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.InvitationScope;
import org.collaborative.events.retreat.PlaceGivenUp;
import org.collaborative.events.retreat.PromotedFromWaitingList;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.SessionKind;
import org.collaborative.events.retreat.WaitingListJoined;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full retreat with a waiting list, snapshotted many times over (ADR 31), answers every command as the same retreat
 * rebuilt from all its events: its dates and capacity, its agenda, who is invited, who has a place and who waits, in
 * order, and everyone's breakout preferences come through its snapshots.
 */
class RetreatSnapshotTest {

    private static final String R = "r1";
    private static final Instant AT = Instant.parse("2027-01-10T09:00:00Z");
    private static final LocalDateTime STARTS = LocalDateTime.of(2027, 3, 4, 12, 0);
    private static final LocalDateTime ENDS = LocalDateTime.of(2027, 3, 5, 12, 0);
    private static final Actor FACILITATOR = new Actor("fac", "london-councils", MemberRole.FACILITATOR);

    private final Snapshotting<Retreat> retreat =
            new Snapshotting<>(Retreat.class, new PersonalDataVault(new KeysInMemory()));

    @AfterEach
    void close() {
        retreat.close();
    }

    private static Details details(int capacity) {
        return new Details(
                "Chief executives' retreat",
                RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                "Cumberland Lodge",
                "",
                STARTS,
                ENDS,
                capacity,
                List.of("behaviour-change"),
                false);
    }

    private static Actor member(int i) {
        return new Actor("m" + i, "borough-" + i, MemberRole.CHIEF_EXECUTIVE);
    }

    private static Session breakout(String title) {
        return new Session(
                title, SessionKind.BREAKOUT, STARTS.plusHours(1), STARTS.plusHours(2), "", "fac", null, null);
    }

    @Test
    void everyRuleThatRestsOnEarlierEventsHoldsAfterLoadingFromASnapshot() {
        retreat.send(new ScheduleRetreat(R, details(6), FACILITATOR, AT));
        retreat.send(new PlanSession(R, "b1", breakout("Housing"), FACILITATOR, AT));
        retreat.send(new PlanSession(R, "b2", breakout("Transport"), FACILITATOR, AT));
        List<String> invited = new ArrayList<>();
        for (int i = 20; i < 30; i++) {
            invited.add("m" + i);
        }
        retreat.send(new InvitePeople(R, InvitationScope.ORGANISATION, "x", invited, FACILITATOR, AT));
        for (int i = 0; i < 10; i++) {
            retreat.send(new RegisterForRetreat(R, member(i), null, AT));
        }
        for (int i = 0; i < 6; i++) {
            retreat.send(new StateBreakoutPreferences(
                    R, i % 2 == 0 ? List.of("b1", "b2") : List.of("b2", "b1"), member(i), AT));
        }
        assertThat(retreat.snapshotsStored()).isGreaterThanOrEqualTo(2);
        assertThat(retreat.snapshotJson(R)).contains("\"m9\"", "borough-5", "BREAKOUT", "m29");

        // Each of these depends on an event from before the last snapshot.
        assertThat(retreat.send(new GiveUpPlace(R, member(1), AT)).events())
                .as("the first in line (m6, of m6 to m9) takes the place given up")
                .containsExactly(new PlaceGivenUp(R, "m1", false, AT), new PromotedFromWaitingList(R, "m6", AT));
        assertThat(retreat.send(new RegisterForRetreat(R, member(0), null, AT)).events())
                .as("registering again records nothing")
                .isEmpty();
        assertThat(retreat.send(new RegisterForRetreat(R, member(10), null, AT)).events())
                .as("the retreat is still full")
                .containsExactly(new WaitingListJoined(R, "m10", "borough-10", null, AT));
        assertThat(retreat.send(new ChangeRetreat(R, details(5), FACILITATOR, AT))
                        .refusal())
                .contains("6 people already have places");
        assertThat(retreat.send(new InvitePeople(R, InvitationScope.PERSON, "m25", List.of("m25"), FACILITATOR, AT))
                        .events())
                .as("inviting someone already invited records nothing")
                .isEmpty();
        assertThat(retreat.send(new AllocateBreakouts(R, FACILITATOR, AT)).events())
                .hasSize(1);

        assertThat(retreat.snapshotsRead()).isPositive();
        assertThat(retreat.loadedFromSnapshot(R)).usingRecursiveComparison().isEqualTo(retreat.rebuiltFromEvents(R));
    }
}
