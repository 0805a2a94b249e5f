package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record ChallengeProposal(
        @TargetAggregateIdentifier String proposalId, String challengeId, String reason, Actor actor, Instant at) {}
