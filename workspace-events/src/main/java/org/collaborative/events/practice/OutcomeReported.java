package org.collaborative.events.practice;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An outcome of an adoption was reported (claimed). Savings carry {@code amountPence} (per year when RECURRING),
 * {@code recurrence} and the period; quality measures carry {@code measureName}, {@code before}, {@code after} and
 * {@code unit}. {@code evidenceLevel} is Nesta's 1-5, as {@code EvidenceSubmitted.level}.
 */
@Revision("1")
public record OutcomeReported(
        String adoptionId,
        String outcomeId,
        String practiceId,
        String organisationId,
        OutcomeKind kind,
        Long amountPence,
        SavingRecurrence recurrence,
        LocalDate periodStart,
        LocalDate periodEnd,
        String measureName,
        String before,
        String after,
        String unit,
        String source,
        int evidenceLevel,
        String reportedBy,
        Instant reportedAt) {}
