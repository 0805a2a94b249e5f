package org.collaborative.events.retreat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A facilitator changed a retreat's details: every editable field as it now stands. A larger capacity promotes
 * people from the waiting list (recorded as {@link PromotedFromWaitingList} after this event).
 */
@Revision("1")
public record RetreatChanged(
        String retreatId,
        String title,
        RetreatKind kind,
        String place,
        String onlineLink,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        int capacity,
        List<String> themeIds,
        boolean inviteOnly,
        String changedBy,
        Instant at) {}
