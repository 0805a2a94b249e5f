package org.collaborative.app.commitment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.retreat.CommitmentProgress;

/** The owner (or a facilitator of the retreat) records how an action or pledge is going. */
public record RecordProgress(
        @TargetAggregateIdentifier String commitmentId,
        CommitmentProgress progress,
        String reason,
        Actor actor,
        Instant at) {}
