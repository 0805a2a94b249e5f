package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member registered while every place was taken and joined the end of the waiting list.
 *
 * @param needs access and dietary needs, sealed with the member's own key, or null
 */
@Revision("1")
public record WaitingListJoined(String retreatId, String memberId, String organisationId, String needs, Instant at) {}
