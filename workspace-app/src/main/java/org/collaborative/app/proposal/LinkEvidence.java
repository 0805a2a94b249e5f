package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record LinkEvidence(@TargetAggregateIdentifier String proposalId, String evidenceId, Actor actor, Instant at) {}
