package org.collaborative.app.practice;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.SavingRecurrence;

/** Reports (claims) an outcome of an adoption: a saving with its period, or a quality measure before and after. */
public record ReportOutcome(
        @TargetAggregateIdentifier String adoptionId,
        String outcomeId,
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
        Integer evidenceLevel,
        Actor actor,
        Instant at) {}
