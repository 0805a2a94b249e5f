package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record OpenProposalForChallenge(
        @TargetAggregateIdentifier String proposalId, Actor actor, Instant at) {}
