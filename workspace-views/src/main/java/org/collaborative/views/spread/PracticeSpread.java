package org.collaborative.views.spread;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One practice's spread (collection {@value #COLLECTION}, document id: the practice id): every adoption move and every
 * outcome ever recorded for it, in the order they were recorded, so that any figure can be computed "as it stood on
 * a date" when it is read (docs/adr/0019). Nothing here is summed or folded: the history is the view.
 *
 * <p>Stages, setbacks, outcome kinds and recurrences are the names of the enums in
 * {@code org.collaborative.events.practice} ({@code AdoptionStage}, {@code AdoptionSetback}, {@code OutcomeKind},
 * {@code SavingRecurrence}); this module does not depend on the events.
 *
 * @param name the practice's current name
 * @param fromProposalId the proposal it was taken forward from, or null
 * @param recordedAt when the practice was recorded (null until its {@code PracticeRecorded} arrives: an adoption's
 *     events travel on its own aggregate's partition and may come first)
 * @param firstTriedOn the day the originating organisation first tried it (no move is dated before it)
 * @param moves every adoption move, in the order they happened (then recorded, then by adoption; one adoption's moves in the order it recorded them)
 * @param outcomes every outcome reported, with its verification once made
 */
public record PracticeSpread(
        @Id String id,
        String name,
        String themeId,
        String originatingOrganisationId,
        String fromProposalId,
        Instant recordedAt,
        LocalDate firstTriedOn,
        List<Move> moves,
        List<Outcome> outcomes,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<PracticeSpread> {

    public static final String COLLECTION = "practice-spread";

    /**
     * One move of one organisation's adoption record.
     *
     * @param happenedOn the day it happened, as the recorder said (may be before the day it was recorded)
     * @param recordedAt when it was recorded
     * @param variant for ADAPTED, how the variant differs
     * @param setback for DECLINED, ABANDONED or a move back, the reason
     */
    public record Move(
            String adoptionId,
            String organisationId,
            String stage,
            LocalDate happenedOn,
            String variant,
            String setback,
            String setbackDetail,
            String recordedBy,
            Instant recordedAt) {}

    /**
     * One outcome of one adoption.
     *
     * @param kind CASHABLE_SAVING, NON_CASHABLE_SAVING or QUALITY_MEASURE
     * @param amountPence for a saving, the amount (a year for RECURRING); null for a quality measure
     * @param verifiedBy the member id of the council's finance officer who verified it; null while only claimed
     * @param verifiedOn the day it was verified
     */
    public record Outcome(
            String outcomeId,
            String adoptionId,
            String organisationId,
            String kind,
            Long amountPence,
            String recurrence,
            LocalDate periodStart,
            LocalDate periodEnd,
            String measureName,
            String before,
            String after,
            String unit,
            String source,
            int evidenceLevel,
            String reportedBy,
            Instant reportedAt,
            String verifiedBy,
            LocalDate verifiedOn) {

        public Outcome verified(String by, LocalDate on) {
            return new Outcome(
                    outcomeId,
                    adoptionId,
                    organisationId,
                    kind,
                    amountPence,
                    recurrence,
                    periodStart,
                    periodEnd,
                    measureName,
                    before,
                    after,
                    unit,
                    source,
                    evidenceLevel,
                    reportedBy,
                    reportedAt,
                    by,
                    on);
        }
    }

    public static PracticeSpread empty(String practiceId) {
        return new PracticeSpread(practiceId, null, null, null, null, null, null, List.of(), List.of(), Map.of(), null);
    }

    public PracticeSpread described(
            String name,
            String themeId,
            String originatingOrganisationId,
            String fromProposalId,
            Instant recordedAt,
            LocalDate firstTriedOn) {
        return with(
                "name", name,
                "themeId", themeId,
                "originatingOrganisationId", originatingOrganisationId,
                "fromProposalId", fromProposalId,
                "recordedAt", recordedAt,
                "firstTriedOn", firstTriedOn);
    }

    public PracticeSpread renamed(String name) {
        return with("name", name);
    }

    public PracticeSpread withMoves(List<Move> moves) {
        return with("moves", moves);
    }

    public PracticeSpread withOutcomes(List<Outcome> outcomes) {
        return with("outcomes", outcomes);
    }
}
