package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A participant took one of their dots back off a card, while voting was open. */
@Revision("1")
public record DotTakenBack(String sessionId, String cardId, String memberId, Instant at) {}
