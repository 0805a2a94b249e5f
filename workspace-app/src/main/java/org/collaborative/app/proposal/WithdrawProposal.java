package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record WithdrawProposal(@TargetAggregateIdentifier String proposalId, String reason, Actor actor, Instant at) {}
