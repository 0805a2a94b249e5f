package org.collaborative.events.question;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member asked a working group a question.
 *
 * @param body the question's detail in Markdown (may be empty)
 */
@Revision("1")
public record QuestionPosted(
        String questionId,
        String groupId,
        String themeId,
        String title,
        String body,
        String askedBy,
        String askedByOrganisationId,
        Instant postedAt) {}
