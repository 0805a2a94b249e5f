package org.collaborative.events.question;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member answered a question (the answer's body is Markdown). */
@Revision("1")
public record QuestionAnswered(
        String questionId,
        String answerId,
        String groupId,
        String body,
        String answeredBy,
        String answeredByOrganisationId,
        Instant answeredAt) {}
