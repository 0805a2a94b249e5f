package org.collaborative.app.commitment;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/**
 * A facilitator agrees an action at a retreat, from a board card or cluster or directly.
 *
 * @param ownerOrganisationId the owner's organisation, as the workspace knows it when the action is agreed
 */
public record AgreeAction(
        @TargetAggregateIdentifier String actionId,
        String retreatId,
        String sessionId,
        String fromCardId,
        String fromClusterId,
        String title,
        String ownerId,
        String ownerOrganisationId,
        LocalDate dueOn,
        String groupId,
        String proposalId,
        Actor actor,
        Instant at) {}
