package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A participant posted a card to a session's board. The text is what the room sees on the projector: it is not
 * personal data about its author, who is named by member id only.
 */
@Revision("1")
public record CardPosted(
        String sessionId, String cardId, String retreatId, String authorId, CardKind kind, String text, Instant at) {}
