package org.collaborative.events.retreat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.axonframework.serialization.Revision;

/** A session's details as they now stand. */
@Revision("1")
public record SessionChanged(
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
