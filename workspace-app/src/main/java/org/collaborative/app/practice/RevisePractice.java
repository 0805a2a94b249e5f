package org.collaborative.app.practice;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.Actor;

public record RevisePractice(
        @TargetAggregateIdentifier String practiceId, String name, String summary, Actor actor, Instant at) {}
