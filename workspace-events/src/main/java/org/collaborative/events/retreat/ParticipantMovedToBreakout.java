package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator moved one person by hand from one breakout to another of the same round. */
@Revision("1")
public record ParticipantMovedToBreakout(
        String retreatId, String memberId, String fromSessionId, String toSessionId, String by, Instant at) {}
