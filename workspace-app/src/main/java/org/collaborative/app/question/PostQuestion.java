package org.collaborative.app.question;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.moderation.Posting;

public record PostQuestion(
        @TargetAggregateIdentifier String questionId,
        String groupId,
        String title,
        String body,
        String askedBy,
        String askedByOrganisationId,
        Instant at)
        implements Posting {

    @Override
    public String postedBy() {
        return askedBy;
    }
}
