package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member registered and has a place.
 *
 * @param needs the member's access and dietary needs, sealed with their own key (ADR 11), or null when none were
 *     given; erased with the member
 */
@Revision("1")
public record PlaceTaken(String retreatId, String memberId, String organisationId, String needs, Instant at) {}
