package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record EndorseProposalForGroup(
        @TargetAggregateIdentifier String proposalId, Actor actor, Instant at) {}
