package org.collaborative.projections.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.collaborative.events.practice.AdoptionSetback;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.AdoptionStageRecorded;
import org.collaborative.events.practice.EvidenceLinkedToPractice;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.HelpOffered;
import org.collaborative.events.practice.HelpWithdrawn;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.OutcomeReported;
import org.collaborative.events.practice.OutcomeVerified;
import org.collaborative.events.practice.PracticeRecorded;
import org.collaborative.events.practice.PracticeRevised;
import org.collaborative.events.practice.SavingRecurrence;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;
import org.junit.jupiter.api.Test;

class PracticeProjectorsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final String ADOPTION = "pr1:E09000007";
    private final PracticesProjector practices = new PracticesProjector();
    private final AdoptionsProjector adoptions = new AdoptionsProjector();

    @Test
    void aPracticeKeepsItsRevisionEvidenceAndOneOfferPerMember() {
        PracticeView v = practices.empty("pr1");
        v = practices.apply(
                v,
                envelope(
                        "pr1",
                        0,
                        new PracticeRecorded(
                                "pr1",
                                "E-auction",
                                "Buy together.",
                                "behaviour-change",
                                "E09000012",
                                "p1",
                                "tom",
                                T0,
                                LocalDate.of(2024, 10, 1))));
        v = practices.apply(v, envelope("pr1", 1, new PracticeRevised("pr1", "IT e-auction", "Buy.", "amara", T0)));
        v = practices.apply(v, envelope("pr1", 2, new EvidenceLinkedToPractice("pr1", "e1", "tom", T0)));
        v = practices.apply(
                v, envelope("pr1", 3, new HelpOffered("pr1", "tom", "E09000007", Set.of(HelpKind.VISIT), T0)));
        v = practices.apply(
                v,
                envelope(
                        "pr1",
                        4,
                        new HelpOffered("pr1", "tom", "E09000007", Set.of(HelpKind.VISIT, HelpKind.ADVICE), T0)));
        v = practices.apply(
                v, envelope("pr1", 5, new HelpOffered("pr1", "priya", "E09000012", Set.of(HelpKind.SECONDMENT), T0)));

        assertThat(v.name()).isEqualTo("IT e-auction");
        assertThat(v.fromProposalId()).isEqualTo("p1");
        assertThat(v.firstTriedOn()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(v.evidenceIds()).containsExactly("e1");
        assertThat(v.helpOffers()).extracting(PracticeView.HelpOffer::memberId).containsExactly("tom", "priya");
        assertThat(v.helpOffers().get(0).kinds()).containsExactly("ADVICE", "VISIT");

        v = practices.apply(v, envelope("pr1", 6, new HelpWithdrawn("pr1", "tom", T0)));
        assertThat(v.helpOffers()).extracting(PracticeView.HelpOffer::memberId).containsExactly("priya");
    }

    @Test
    void anAdoptionKeepsEveryMoveAndItsCurrentStage() {
        AdoptionView v = adoptions.empty(ADOPTION);
        v = adoptions.apply(v, envelope(ADOPTION, 0, move(AdoptionStage.EXPLORING, LocalDate.of(2025, 2, 1), null)));
        v = adoptions.apply(v, envelope(ADOPTION, 1, move(AdoptionStage.PILOTING, LocalDate.of(2025, 5, 1), null)));
        v = adoptions.apply(
                v,
                envelope(ADOPTION, 2, move(AdoptionStage.EXPLORING, LocalDate.of(2025, 7, 1), AdoptionSetback.COST)));

        assertThat(v.practiceId()).isEqualTo("pr1");
        assertThat(v.organisationId()).isEqualTo("E09000007");
        assertThat(v.stage()).isEqualTo("EXPLORING");
        assertThat(v.since()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(v.moves())
                .extracting(AdoptionView.Move::stage)
                .containsExactly("EXPLORING", "PILOTING", "EXPLORING");
        assertThat(v.moves().get(2).setback()).isEqualTo("COST");
        assertThat(adoptions.viewId(envelope(ADOPTION, 0, move(AdoptionStage.AWARE, LocalDate.of(2025, 1, 1), null))))
                .contains(ADOPTION);
    }

    @Test
    void cashableAndNonCashableSavingsStayApartAndAreVerifiedOneByOne() {
        AdoptionView v = adoptions.empty(ADOPTION);
        v = adoptions.apply(v, envelope(ADOPTION, 0, move(AdoptionStage.ADOPTED, LocalDate.of(2025, 2, 1), null)));
        v = adoptions.apply(v, envelope(ADOPTION, 1, saving("o1", OutcomeKind.CASHABLE_SAVING, 40_000_000L)));
        v = adoptions.apply(v, envelope(ADOPTION, 2, saving("o2", OutcomeKind.NON_CASHABLE_SAVING, 5_000_000L)));
        v = adoptions.apply(
                v,
                envelope(
                        ADOPTION,
                        3,
                        new OutcomeVerified(
                                ADOPTION, "o1", "pr1", "E09000007", "fiona", LocalDate.of(2026, 11, 20), T0)));

        assertThat(v.outcomes())
                .extracting(AdoptionView.Outcome::kind)
                .containsExactly("CASHABLE_SAVING", "NON_CASHABLE_SAVING");
        assertThat(v.outcomes()).extracting(AdoptionView.Outcome::amountPence).containsExactly(40_000_000L, 5_000_000L);
        assertThat(v.outcomes().get(0).verified()).isTrue();
        assertThat(v.outcomes().get(0).verifiedBy()).isEqualTo("fiona");
        assertThat(v.outcomes().get(1).verified()).isFalse();
    }

    private static AdoptionStageRecorded move(AdoptionStage stage, LocalDate on, AdoptionSetback setback) {
        return new AdoptionStageRecorded(ADOPTION, "pr1", "E09000007", stage, on, null, setback, null, "tom", T0);
    }

    private static OutcomeReported saving(String outcomeId, OutcomeKind kind, long pence) {
        return new OutcomeReported(
                ADOPTION,
                outcomeId,
                "pr1",
                "E09000007",
                kind,
                pence,
                SavingRecurrence.RECURRING,
                LocalDate.of(2025, 4, 1),
                LocalDate.of(2026, 3, 31),
                null,
                null,
                null,
                null,
                "Outturn report",
                2,
                "tom",
                T0);
    }
}
