package org.collaborative.events.practice;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member withdrew their offer of help with a practice. */
@Revision("1")
public record HelpWithdrawn(String practiceId, String memberId, Instant withdrawnAt) {}
