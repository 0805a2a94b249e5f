package org.collaborative.events.retreat;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator cancelled a retreat: nothing more can be registered or planned for it. */
@Revision("1")
public record RetreatCancelled(String retreatId, String reason, String by, Instant at) {}
