package org.collaborative.app.evidence;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record EndorseEvidence(@TargetAggregateIdentifier String evidenceId, Actor actor, Instant at) {}
