package org.collaborative.app.comment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.Actor;

public record PostComment(
        @TargetAggregateIdentifier String commentId, String itemId, String body, Actor actor, Instant at) {}
