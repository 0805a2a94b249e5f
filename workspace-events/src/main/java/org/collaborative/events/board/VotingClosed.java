package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The facilitator closed dot-voting: the dots placed are final. */
@Revision("1")
public record VotingClosed(String sessionId, String by, Instant at) {}
