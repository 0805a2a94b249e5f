package org.collaborative.events.question;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A closed question was opened again for answers. */
@Revision("1")
public record QuestionReopened(String questionId, String reopenedBy, Instant reopenedAt) {}
