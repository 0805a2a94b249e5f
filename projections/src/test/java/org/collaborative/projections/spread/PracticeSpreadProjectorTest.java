package org.collaborative.projections.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import java.time.LocalDate;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.AdoptionStageRecorded;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.OutcomeReported;
import org.collaborative.events.practice.OutcomeVerified;
import org.collaborative.events.practice.PracticeRecorded;
import org.collaborative.events.practice.PracticeRevised;
import org.collaborative.events.practice.SavingRecurrence;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Move;
import org.collaborative.views.spread.PracticeSpread.Outcome;
import org.junit.jupiter.api.Test;

class PracticeSpreadProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final String PRACTICE = "e-auction";
    private static final String CAMDEN = "E09000007";
    private static final String BARNET = "E09000003";

    private final PracticeSpreadProjector projector = new PracticeSpreadProjector();

    private static AdoptionStageRecorded move(String org, AdoptionStage stage, String on) {
        return new AdoptionStageRecorded(
                "adoption-" + org,
                PRACTICE,
                org,
                stage,
                LocalDate.parse(on),
                null,
                stage == AdoptionStage.DECLINED ? AdoptionSetback.COST : null,
                null,
                "member-" + org,
                T0);
    }

    private static OutcomeReported saving(String id, OutcomeKind kind, long pence) {
        return new OutcomeReported(
                "adoption-" + CAMDEN,
                id,
                PRACTICE,
                CAMDEN,
                kind,
                pence,
                SavingRecurrence.RECURRING,
                LocalDate.parse("2025-04-01"),
                LocalDate.parse("2026-03-31"),
                null,
                null,
                null,
                null,
                "Budget report",
                2,
                "member-camden",
                T0);
    }

    @Test
    void keepsEveryMoveWithBothItsDaysAndEveryOutcomeWithItsKind() {
        PracticeSpread view = projector.empty(PRACTICE);
        // An adoption's first move can arrive before its practice (another partition).
        view = projector.apply(
                view, envelope("adoption-" + CAMDEN, 0, move(CAMDEN, AdoptionStage.PILOTING, "2025-01-10")));
        view = projector.apply(
                view,
                envelope(
                        PRACTICE,
                        0,
                        new PracticeRecorded(
                                PRACTICE,
                                "IT hardware e-auction",
                                "Buying together",
                                "behaviour-change",
                                CAMDEN,
                                "proposal-1",
                                "facilitator",
                                T0,
                                LocalDate.parse("2025-01-01"))));
        view = projector.apply(
                view, envelope("adoption-" + BARNET, 0, move(BARNET, AdoptionStage.DECLINED, "2025-02-01")));
        view = projector.apply(
                view, envelope("adoption-" + CAMDEN, 1, saving("o1", OutcomeKind.CASHABLE_SAVING, 40_000_000L)));
        view = projector.apply(
                view, envelope("adoption-" + CAMDEN, 2, saving("o2", OutcomeKind.NON_CASHABLE_SAVING, 5_000_000L)));
        view = projector.apply(
                view,
                envelope(
                        "adoption-" + CAMDEN,
                        3,
                        new OutcomeVerified(
                                "adoption-" + CAMDEN,
                                "o1",
                                PRACTICE,
                                CAMDEN,
                                "finance-camden",
                                LocalDate.parse("2025-06-01"),
                                T0)));
        view = projector.apply(
                view, envelope(PRACTICE, 1, new PracticeRevised(PRACTICE, "IT e-auction", "Buying together", "f", T0)));

        assertThat(view.name()).isEqualTo("IT e-auction");
        assertThat(view.fromProposalId()).isEqualTo("proposal-1");
        assertThat(view.firstTriedOn()).isEqualTo(LocalDate.parse("2025-01-01"));
        assertThat(view.moves())
                .extracting(Move::organisationId, Move::stage, Move::happenedOn, Move::setback, Move::recordedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                CAMDEN, "PILOTING", LocalDate.parse("2025-01-10"), null, T0),
                        org.assertj.core.groups.Tuple.tuple(
                                BARNET, "DECLINED", LocalDate.parse("2025-02-01"), "COST", T0));
        assertThat(view.outcomes())
                .extracting(Outcome::outcomeId, Outcome::kind, Outcome::amountPence, Outcome::verifiedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("o1", "CASHABLE_SAVING", 40_000_000L, "finance-camden"),
                        org.assertj.core.groups.Tuple.tuple("o2", "NON_CASHABLE_SAVING", 5_000_000L, null));
    }

    @Test
    void aRedeliveredMoveOrOutcomeIsHeldOnce() {
        PracticeSpread view = projector.empty(PRACTICE);
        AdoptionStageRecorded piloting = move(CAMDEN, AdoptionStage.PILOTING, "2025-01-10");
        view = projector.apply(view, envelope("adoption-" + CAMDEN, 0, piloting));
        view = projector.apply(view, envelope("adoption-" + CAMDEN, 0, piloting));
        OutcomeReported saving = saving("o1", OutcomeKind.CASHABLE_SAVING, 1L);
        view = projector.apply(view, envelope("adoption-" + CAMDEN, 1, saving));
        view = projector.apply(view, envelope("adoption-" + CAMDEN, 1, saving));

        assertThat(view.moves()).hasSize(1);
        assertThat(view.outcomes()).hasSize(1);
    }

    @Test
    void aVerificationOfAnOutcomeNeverReportedIsAnErrorNotDropped() {
        PracticeSpread view = projector.empty(PRACTICE);

        assertThatThrownBy(() -> projector.apply(
                        view,
                        envelope(
                                "adoption-" + CAMDEN,
                                0,
                                new OutcomeVerified(
                                        "adoption-" + CAMDEN,
                                        "o9",
                                        PRACTICE,
                                        CAMDEN,
                                        "f",
                                        LocalDate.parse("2025-06-01"),
                                        T0))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyPracticeEventNamesItsPracticeDocument() {
        assertThat(projector.viewId(envelope("adoption-x", 0, move(CAMDEN, AdoptionStage.AWARE, "2025-01-01"))))
                .contains(PRACTICE);
        assertThat(projector.name()).isEqualTo("practice-spread");
    }
}
