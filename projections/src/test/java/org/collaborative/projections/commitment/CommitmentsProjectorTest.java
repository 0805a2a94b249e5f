package org.collaborative.projections.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import java.time.LocalDate;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.retreat.ActionAgreed;
import org.collaborative.events.retreat.CheckInDue;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.events.retreat.PledgeFulfilledByAdoption;
import org.collaborative.events.retreat.PledgeMade;
import org.collaborative.events.retreat.ProgressRecorded;
import org.collaborative.views.commitment.CommitmentView;
import org.junit.jupiter.api.Test;

class CommitmentsProjectorTest {

    private static final LocalDate ENDS_ON = LocalDate.of(2026, 11, 6);
    private static final LocalDate DUE = LocalDate.of(2027, 3, 31);
    private static final Instant T0 = Instant.parse("2026-11-06T15:00:00Z");
    private static final Instant T30 = Instant.parse("2026-12-06T09:00:00Z");

    private final CommitmentsProjector projector = new CommitmentsProjector();

    private CommitmentView apply(CommitmentView view, long sequence, Object event) {
        return projector.apply(view, envelope("a1", sequence, event));
    }

    @Test
    void anActionWaitsForItsThirtyDayCheckIn() {
        CommitmentView view = apply(
                projector.empty("a1"),
                0,
                new ActionAgreed(
                        "r1",
                        "a1",
                        "s1",
                        "c1",
                        null,
                        "Draft",
                        "tom",
                        "E09000007",
                        DUE,
                        "g1",
                        null,
                        ENDS_ON,
                        "amara",
                        T0));

        assertThat(view.kind()).isEqualTo(CommitmentView.ACTION);
        assertThat(view.ownerId()).isEqualTo("tom");
        assertThat(view.agreedBy()).isEqualTo("amara");
        assertThat(view.nextCheckInOn()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(view.waitingCheckIn()).isEmpty();
    }

    @Test
    void aCheckInWaitsUntilProgressIsRecordedAndTheNextIsScheduled() {
        CommitmentView view = apply(
                projector.empty("pl1"),
                0,
                new PledgeMade(
                        "r1",
                        "pl1",
                        null,
                        null,
                        "k1",
                        "Hackney will pilot it",
                        "E09000012",
                        "priya",
                        DUE,
                        "g1",
                        "p1",
                        ENDS_ON,
                        T0));
        view = apply(view, 1, new CheckInDue("r1", "pl1", 30, T30));

        assertThat(view.kind()).isEqualTo(CommitmentView.PLEDGE);
        assertThat(view.ownerId()).isEqualTo("priya");
        assertThat(view.waitingCheckIn()).map(CommitmentView.CheckIn::days).contains(30);
        assertThat(view.nextCheckInOn()).isEqualTo(LocalDate.of(2027, 2, 4));

        Instant answered = T30.plusSeconds(3600);
        view = apply(
                view, 2, new ProgressRecorded("r1", "pl1", CommitmentProgress.AT_RISK, "Budget", "priya", answered));
        assertThat(view.waitingCheckIn()).isEmpty();
        assertThat(view.checkIns())
                .singleElement()
                .extracting(CommitmentView.CheckIn::answeredAt)
                .isEqualTo(answered);
        assertThat(view.progress()).isEqualTo("AT_RISK");
        assertThat(view.progressReason()).isEqualTo("Budget");
    }

    @Test
    void aPledgeFulfilledByAnAdoptionMoveIsDoneAnswersItsCheckInAndSaysWhichMove() {
        CommitmentView view = apply(
                projector.empty("pl1"),
                0,
                new PledgeMade(
                        "r1",
                        "pl1",
                        null,
                        null,
                        null,
                        "Hackney will pilot the e-auction by March",
                        "E09000012",
                        "priya",
                        DUE,
                        "g1",
                        null,
                        ENDS_ON,
                        T0));
        view = apply(view, 1, new CheckInDue("r1", "pl1", 30, T30));
        Instant later = T30.plusSeconds(3_600);
        view = apply(
                view,
                2,
                new PledgeFulfilledByAdoption(
                        "r1",
                        "pl1",
                        "pr1",
                        "E09000012",
                        AdoptionStage.PILOTING,
                        LocalDate.of(2026, 12, 1),
                        "priya",
                        later));

        assertThat(view.progress()).isEqualTo("DONE");
        assertThat(view.settled()).isTrue();
        assertThat(view.progressBy()).isEqualTo("priya");
        assertThat(view.nextCheckInOn()).isNull();
        assertThat(view.waitingCheckIn()).isEmpty();
        assertThat(view.checkIns().get(0).answeredAt()).isEqualTo(later);
        assertThat(view.fulfilledBy())
                .isEqualTo(new CommitmentView.Fulfilment("pr1", "PILOTING", LocalDate.of(2026, 12, 1)));
        // Replayed, it changes nothing.
        assertThat(apply(
                        view,
                        2,
                        new PledgeFulfilledByAdoption(
                                "r1",
                                "pl1",
                                "pr1",
                                "E09000012",
                                AdoptionStage.PILOTING,
                                LocalDate.of(2026, 12, 1),
                                "priya",
                                later)))
                .isEqualTo(view);
    }

    @Test
    void aDroppedCommitmentHasNoNextCheckIn() {
        CommitmentView view = apply(
                projector.empty("a1"),
                0,
                new ActionAgreed(
                        "r1",
                        "a1",
                        null,
                        null,
                        null,
                        "Draft",
                        "tom",
                        "E09000007",
                        DUE,
                        "g1",
                        null,
                        ENDS_ON,
                        "amara",
                        T0));
        view = apply(view, 1, new ProgressRecorded("r1", "a1", CommitmentProgress.DROPPED, "No budget", "tom", T0));

        assertThat(view.settled()).isTrue();
        assertThat(view.nextCheckInOn()).isNull();
    }

    @Test
    void afterTheLastCheckInNoneIsScheduled() {
        CommitmentView view = apply(
                projector.empty("a1"),
                0,
                new ActionAgreed(
                        "r1",
                        "a1",
                        null,
                        null,
                        null,
                        "Draft",
                        "tom",
                        "E09000007",
                        DUE,
                        "g1",
                        null,
                        ENDS_ON,
                        "amara",
                        T0));
        view = apply(view, 1, new CheckInDue("r1", "a1", 180, Instant.parse("2027-05-05T08:00:00Z")));

        assertThat(view.nextCheckInOn()).isNull();
        assertThat(projector.viewId(envelope("a1", 1, new CheckInDue("r1", "a1", 180, T30))))
                .contains("a1");
    }
}
