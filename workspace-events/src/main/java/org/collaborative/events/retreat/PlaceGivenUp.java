package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A registered member gave up their place, or left the waiting list. When a place was freed, the first person
 * waiting is promoted ({@link PromotedFromWaitingList}, recorded after this).
 */
@Revision("1")
public record PlaceGivenUp(String retreatId, String memberId, boolean wasWaiting, Instant at) {}
