package org.collaborative.app.practice;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/** A finance officer of the adopting organisation verifies a reported outcome, on the day they checked it. */
public record VerifyOutcome(
        @TargetAggregateIdentifier String adoptionId,
        String outcomeId,
        LocalDate verifiedOn,
        Actor actor,
        Instant at) {}
