package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record EndorseProposal(@TargetAggregateIdentifier String proposalId, Actor actor, Instant at) {}
