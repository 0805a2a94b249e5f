package org.collaborative.events.moderation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A facilitator of the question's group (or an administrator) restored a hidden answer, with a reason: everyone who
 * can see the question reads it again. Applied by the question's aggregate.
 *
 * @param answeredBy who wrote the answer (a member id), so that they can be told
 */
@Revision("1")
public record AnswerRestored(
        String questionId,
        String answerId,
        String groupId,
        String answeredBy,
        String reason,
        String restoredBy,
        Instant restoredAt) {}
