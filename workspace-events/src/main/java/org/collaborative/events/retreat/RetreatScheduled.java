package org.collaborative.events.retreat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A facilitator scheduled a retreat. Times are wall-clock times in Europe/London; the one who scheduled it is its
 * first facilitator.
 *
 * @param place where it is held, or empty when online only
 * @param onlineLink the link to join online, or empty when in person only
 * @param capacity how many places there are (at least 1); beyond it people join the waiting list
 * @param inviteOnly whether only invited people may see it and register
 */
@Revision("1")
public record RetreatScheduled(
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
        String scheduledBy,
        Instant at) {}
