package org.collaborative.app.evidence;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record ChallengeEvidence(
        @TargetAggregateIdentifier String evidenceId, String challengeId, String reason, Actor actor, Instant at) {}
