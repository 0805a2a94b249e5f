package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The facilitator closed the board: it takes no more cards, clusters or dots. */
@Revision("1")
public record BoardClosed(String sessionId, String by, Instant at) {}
