package org.collaborative.app.commitment;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/** A participant pledges, for their organisation, to do something by a date. */
public record MakePledge(
        @TargetAggregateIdentifier String pledgeId,
        String retreatId,
        String sessionId,
        String fromCardId,
        String fromClusterId,
        String text,
        LocalDate byDate,
        String groupId,
        String proposalId,
        Actor actor,
        Instant at) {}
