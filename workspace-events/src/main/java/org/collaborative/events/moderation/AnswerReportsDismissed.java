package org.collaborative.events.moderation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A facilitator of the question's group (or an administrator) looked at the open reports of one of its answers and
 * left it shown, with a reason. Applied by the question's aggregate.
 */
@Revision("1")
public record AnswerReportsDismissed(
        String questionId, String answerId, String groupId, String reason, String dismissedBy, Instant dismissedAt) {}
