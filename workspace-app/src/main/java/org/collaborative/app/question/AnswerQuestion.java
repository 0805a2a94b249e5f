package org.collaborative.app.question;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.Actor;

public record AnswerQuestion(
        @TargetAggregateIdentifier String questionId, String answerId, String body, Actor actor, Instant at) {}
