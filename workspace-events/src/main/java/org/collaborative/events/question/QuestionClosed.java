package org.collaborative.events.question;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The asker (or a facilitator) closed a question: it takes no more answers until reopened. */
@Revision("1")
public record QuestionClosed(String questionId, String closedBy, Instant closedAt) {}
