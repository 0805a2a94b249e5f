package org.collaborative.app.question;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.moderation.Posting;

public record AnswerQuestion(
        @TargetAggregateIdentifier String questionId, String answerId, String body, Actor actor, Instant at)
        implements Posting {

    @Override
    public String postedBy() {
        return actor.memberId();
    }
}
