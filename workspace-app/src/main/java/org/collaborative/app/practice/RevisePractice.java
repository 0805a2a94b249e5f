package org.collaborative.app.practice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/**
 * Revises a practice's name and summary. {@code basedOn} is the version of the practice the reviser saw (the sequence
 * number of its last event the page was read from), or null when they do not say: a revision based on a version older
 * than the current name and summary is refused rather than undoing someone else's.
 */
public record RevisePractice(
        @TargetAggregateIdentifier String practiceId,
        String name,
        String summary,
        Long basedOn,
        Actor actor,
        Instant at) {}
