package org.collaborative.events.retreat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.axonframework.serialization.Revision;

/** A facilitator moved a retreat to later dates; its sessions keep their times relative to its start. */
@Revision("1")
public record RetreatPostponed(
        String retreatId, LocalDateTime startsAt, LocalDateTime endsAt, String reason, String by, Instant at) {}
