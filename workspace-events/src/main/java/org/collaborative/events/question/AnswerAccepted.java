package org.collaborative.events.question;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The asker (or a facilitator) accepted an answer as the one that settles the question. */
@Revision("1")
public record AnswerAccepted(String questionId, String answerId, String acceptedBy, Instant acceptedAt) {}
