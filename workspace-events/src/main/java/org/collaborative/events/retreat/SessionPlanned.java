package org.collaborative.events.retreat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.axonframework.serialization.Revision;

/**
 * A session on a retreat's agenda, within the retreat's dates (Europe/London wall-clock times).
 *
 * @param facilitatorId the member who runs the session (a facilitator of the retreat from then on)
 * @param themeId the theme the session feeds, or null
 * @param groupId the working group the session feeds, or null
 */
@Revision("1")
public record SessionPlanned(
        String retreatId,
        String sessionId,
        String title,
        SessionKind kind,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        String room,
        String facilitatorId,
        String themeId,
        String groupId,
        String by,
        Instant at) {}
