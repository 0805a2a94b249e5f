package org.collaborative.events.moderation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member who can see a question reported one of its answers to the facilitators of its group, with a reason. Applied
 * by the question's aggregate: an answer is part of its question, so its moderation is in the question's stream.
 *
 * @param reportId chosen with the report form, so that posting it twice records one report
 */
@Revision("1")
public record AnswerReported(
        String questionId,
        String answerId,
        String groupId,
        String reportId,
        String reason,
        String reportedBy,
        String reportedByOrganisationId,
        Instant reportedAt) {}
