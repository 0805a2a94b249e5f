package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A participant put one of their dots on a card (one event per dot; several may go on one card). */
@Revision("1")
public record DotPlaced(String sessionId, String cardId, String memberId, Instant at) {}
