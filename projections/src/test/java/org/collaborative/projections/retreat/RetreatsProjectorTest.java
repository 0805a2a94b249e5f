package org.collaborative.projections.retreat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.collaborative.events.retreat.BreakoutsAllocated;
import org.collaborative.events.retreat.InvitationScope;
import org.collaborative.events.retreat.ParticipantMovedToBreakout;
import org.collaborative.events.retreat.PeopleInvited;
import org.collaborative.events.retreat.PlaceDeclined;
import org.collaborative.events.retreat.PlaceGivenUp;
import org.collaborative.events.retreat.PlaceTaken;
import org.collaborative.events.retreat.PromotedFromWaitingList;
import org.collaborative.events.retreat.RetreatCancelled;
import org.collaborative.events.retreat.RetreatChanged;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.RetreatPostponed;
import org.collaborative.events.retreat.RetreatScheduled;
import org.collaborative.events.retreat.SessionDropped;
import org.collaborative.events.retreat.SessionKind;
import org.collaborative.events.retreat.SessionPlanned;
import org.collaborative.events.retreat.WaitingListJoined;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.retreat.RetreatView.Attendee;
import org.junit.jupiter.api.Test;

class RetreatsProjectorTest {

    private static final Instant T0 = Instant.parse("2027-01-10T09:00:00Z");
    private static final LocalDateTime STARTS = LocalDateTime.of(2027, 3, 4, 12, 0);
    private final RetreatsProjector projector = new RetreatsProjector();
    private RetreatView view = projector.empty("r1");
    private long sequence;

    private void apply(Object event) {
        view = projector.apply(view, envelope("r1", sequence++, event));
    }

    private void scheduled() {
        apply(new RetreatScheduled(
                "r1",
                "Retreat",
                RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                "Lodge",
                "",
                STARTS,
                STARTS.plusDays(1),
                1,
                List.of("t1"),
                true,
                "fac",
                T0));
    }

    @Test
    void keepsTheDetailsAndTheAgendaInTimeOrder() {
        scheduled();
        apply(new SessionPlanned(
                "r1",
                "late",
                "Late",
                SessionKind.BREAKOUT,
                STARTS.plusHours(3),
                STARTS.plusHours(4),
                "",
                "fac",
                null,
                null,
                "fac",
                T0));
        apply(new SessionPlanned(
                "r1",
                "early",
                "Early",
                SessionKind.PLENARY,
                STARTS,
                STARTS.plusHours(1),
                "Hall",
                "fac",
                "t1",
                null,
                "fac",
                T0));

        assertThat(view.title()).isEqualTo("Retreat");
        assertThat(view.kind()).isEqualTo("CHIEF_EXECUTIVES_RETREAT");
        assertThat(view.status()).isEqualTo("SCHEDULED");
        assertThat(view.sessions()).extracting(RetreatView.Session::sessionId).containsExactly("early", "late");
        assertThat(projector.viewId(envelope("r1", 9, new SessionDropped("r1", "late", "fac", T0))))
                .contains("r1");

        apply(new SessionDropped("r1", "late", "fac", T0));
        assertThat(view.sessions()).extracting(RetreatView.Session::sessionId).containsExactly("early");
    }

    @Test
    void postponingMovesTheSessionsWithTheRetreat() {
        scheduled();
        apply(new SessionPlanned(
                "r1",
                "s1",
                "Opening",
                SessionKind.PLENARY,
                STARTS,
                STARTS.plusHours(1),
                "",
                "fac",
                null,
                null,
                "fac",
                T0));
        apply(new RetreatPostponed(
                "r1", STARTS.plusWeeks(1), STARTS.plusWeeks(1).plusDays(1), "Snow.", "fac", T0));

        assertThat(view.status()).isEqualTo("POSTPONED");
        assertThat(view.statusReason()).isEqualTo("Snow.");
        assertThat(view.sessions().get(0).startsAt()).isEqualTo(STARTS.plusWeeks(1));
    }

    @Test
    void followsInvitationsPlacesAndTheWaitingListInOrder() {
        scheduled();
        apply(new PeopleInvited("r1", InvitationScope.ORGANISATION, "camden", List.of("m1", "m2", "m3"), "fac", T0));
        apply(new PlaceTaken("r1", "m1", "camden", null, T0));
        apply(new WaitingListJoined("r1", "m2", "camden", null, T0));
        apply(new PlaceDeclined("r1", "m3", T0));

        assertThat(view.invited()).isEmpty();
        assertThat(view.declined()).containsExactly("m3");
        assertThat(view.registered()).extracting(Attendee::memberId).containsExactly("m1");
        assertThat(view.waiting()).extracting(Attendee::memberId).containsExactly("m2");

        apply(new PlaceGivenUp("r1", "m1", false, T0));
        apply(new PromotedFromWaitingList("r1", "m2", T0));
        assertThat(view.registered()).extracting(Attendee::memberId).containsExactly("m2");
        assertThat(view.registered().get(0).organisationId()).isEqualTo("camden");
        assertThat(view.waiting()).isEmpty();
    }

    @Test
    void keepsTheBreakoutsAndCountsMovesByHand() {
        scheduled();
        apply(new BreakoutsAllocated("r1", Map.of("a", List.of("m1", "m2"), "b", List.of("m3")), "fac", T0));
        apply(new ParticipantMovedToBreakout("r1", "m2", "a", "b", "fac", T0));

        assertThat(view.breakouts().get("a")).containsExactly("m1");
        assertThat(view.breakouts().get("b")).containsExactly("m3", "m2");
        assertThat(view.allocation().movedByHand()).isEqualTo(1);

        apply(new PlaceGivenUp("r1", "m3", false, T0));
        assertThat(view.breakouts().get("b")).containsExactly("m2");
    }

    @Test
    void cancellingKeepsTheReason() {
        scheduled();
        apply(new RetreatCancelled("r1", "Too few places taken.", "fac", T0));

        assertThat(view.status()).isEqualTo("CANCELLED");
        assertThat(view.statusReason()).isEqualTo("Too few places taken.");
    }

    @Test
    void aChangeOfDatesOrPlaceIsANoticeWithTheDetailsAsTheyNowStand() {
        scheduled();
        apply(new RetreatChanged(
                "r1",
                "Retreat",
                RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                "Cumberland Lodge",
                "",
                STARTS.plusDays(7),
                STARTS.plusDays(8),
                1,
                List.of("t1"),
                true,
                "fac",
                T0.plusSeconds(60)));

        assertThat(view.notices())
                .containsExactly(new RetreatView.Notice(
                        "CHANGED",
                        1,
                        T0.plusSeconds(60),
                        "fac",
                        List.of("DATES", "PLACE"),
                        "Retreat",
                        STARTS.plusDays(7),
                        STARTS.plusDays(8),
                        "Cumberland Lodge",
                        "",
                        null));
    }

    @Test
    void aChangeOfCapacityOrThemesAloneTellsNobody() {
        scheduled();
        apply(new RetreatChanged(
                "r1",
                "Retreat",
                RetreatKind.CHIEF_EXECUTIVES_RETREAT,
                "Lodge",
                "",
                STARTS,
                STARTS.plusDays(1),
                30,
                List.of("t1", "t2"),
                false,
                "fac",
                T0));

        assertThat(view.capacity()).isEqualTo(30);
        assertThat(view.notices()).isEmpty();
    }

    @Test
    void postponingAndCancellingAreNoticesWithTheFacilitatorsReason() {
        scheduled();
        apply(new RetreatPostponed("r1", STARTS.plusDays(14), STARTS.plusDays(15), "The lodge flooded.", "fac", T0));
        apply(new RetreatCancelled("r1", "Too few places taken.", "fac2", T0.plusSeconds(5)));

        assertThat(view.notices())
                .extracting(
                        RetreatView.Notice::kind,
                        RetreatView.Notice::sequence,
                        RetreatView.Notice::actorId,
                        RetreatView.Notice::startsAt,
                        RetreatView.Notice::reason)
                .containsExactly(
                        tuple("POSTPONED", 1L, "fac", STARTS.plusDays(14), "The lodge flooded."),
                        tuple("CANCELLED", 2L, "fac2", STARTS.plusDays(14), "Too few places taken."));
    }

    @Test
    void keepsOnlyTheLatestNotices() {
        scheduled();
        for (int i = 1; i <= RetreatView.NOTICES_KEPT + 2; i++) {
            apply(new RetreatPostponed("r1", STARTS.plusDays(i), STARTS.plusDays(i + 1), "Again.", "fac", T0));
        }

        assertThat(view.notices()).hasSize(RetreatView.NOTICES_KEPT);
        assertThat(view.notices().get(0).startsAt()).isEqualTo(STARTS.plusDays(3));
        assertThat(view.notices().get(RetreatView.NOTICES_KEPT - 1).startsAt())
                .isEqualTo(STARTS.plusDays(RetreatView.NOTICES_KEPT + 2));
    }
}
