package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A session's live board was opened (its first event; the board's id is the session's). */
@Revision("1")
public record BoardOpened(String sessionId, String retreatId, String openedBy, Instant at) {}
