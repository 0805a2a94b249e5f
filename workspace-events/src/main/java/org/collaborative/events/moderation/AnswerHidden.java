package org.collaborative.events.moderation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A facilitator of the question's group (or an administrator) hid one of its answers, with a reason: everyone else
 * sees that a facilitator hid an answer there, without its text; the question and its other answers stay. Applied by
 * the question's aggregate.
 *
 * @param answeredBy who wrote the answer (a member id), so that they can be told
 */
@Revision("1")
public record AnswerHidden(
        String questionId,
        String answerId,
        String groupId,
        String answeredBy,
        String reason,
        String hiddenBy,
        Instant hiddenAt) {}
