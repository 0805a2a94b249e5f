package org.collaborative.views.practice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One organisation's adoption of one practice (collection {@value #COLLECTION}, id {@code <practiceId>:<organisationId>}):
 * its current {@code stage} (a name of {@code AdoptionStage}) since {@code since}, its {@code variant} while adapted,
 * every move in the order recorded (which is the order they happened: ADR 18), and its outcomes. Cashable and
 * non-cashable savings are separate outcomes of their own {@code kind} and are never added together.
 */
public record AdoptionView(
        @Id String id,
        String practiceId,
        String organisationId,
        String stage,
        LocalDate since,
        String variant,
        List<Move> moves,
        List<Outcome> outcomes,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<AdoptionView> {

    public static final String COLLECTION = "adoptions";

    /** A move to {@code stage} on {@code happenedOn}, recorded at {@code recordedAt}; {@code setback} names an {@code AdoptionSetback}. */
    public record Move(
            String stage,
            LocalDate happenedOn,
            String variant,
            String setback,
            String setbackDetail,
            String recordedBy,
            Instant recordedAt) {}

    /**
     * An outcome: {@code kind} names an {@code OutcomeKind}; savings have {@code amountPence}, {@code recurrence} and
     * the period, quality measures {@code measureName}, {@code before}, {@code after} and {@code unit}. Claimed while
     * {@code verifiedBy} is null.
     */
    public record Outcome(
            String outcomeId,
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
            LocalDate verifiedOn,
            Instant verifiedAt) {

        public boolean verified() {
            return verifiedBy != null;
        }
    }

    public static AdoptionView empty(String id) {
        return new AdoptionView(id, null, null, null, null, null, List.of(), List.of(), Map.of(), null);
    }

    /** The adoption with the council's latest move: its stage since the day it happened, and the variant it tries. */
    public AdoptionView moved(
            String practiceId, String organisationId, String stage, LocalDate since, String variant, List<Move> moves) {
        return with(
                "practiceId", practiceId,
                "organisationId", organisationId,
                "stage", stage,
                "since", since,
                "variant", variant,
                "moves", moves);
    }

    public AdoptionView withOutcomes(String practiceId, String organisationId, List<Outcome> outcomes) {
        return with("practiceId", practiceId, "organisationId", organisationId, "outcomes", outcomes);
    }
}
