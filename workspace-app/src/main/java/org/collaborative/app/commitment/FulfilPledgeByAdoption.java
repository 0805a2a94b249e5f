package org.collaborative.app.commitment;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.practice.AdoptionStage;

/**
 * Records that the pledge was fulfilled by its organisation's move to {@code stage} (on {@code happenedOn}) along its
 * adoption of a practice: sent with the move by whoever records it, or from the pledge's page by its owner or a
 * facilitator of the retreat.
 */
public record FulfilPledgeByAdoption(
        @TargetAggregateIdentifier String pledgeId,
        String practiceId,
        String organisationId,
        AdoptionStage stage,
        LocalDate happenedOn,
        Actor actor,
        Instant at) {}
