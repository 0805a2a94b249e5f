package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The first person on the waiting list was given a place that became free. */
@Revision("1")
public record PromotedFromWaitingList(String retreatId, String memberId, Instant at) {}
