package org.collaborative.app.comment;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.moderation.Posting;

public record PostComment(
        @TargetAggregateIdentifier String commentId, String itemId, String body, Actor actor, Instant at)
        implements Posting {

    @Override
    public String postedBy() {
        return actor.memberId();
    }
}
