package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An invited member said they will not come. */
@Revision("1")
public record PlaceDeclined(String retreatId, String memberId, Instant at) {}
