package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The facilitator revealed the vote: from now on everyone on the board sees each card's dots. */
@Revision("1")
public record ResultsRevealed(String sessionId, String by, Instant at) {}
