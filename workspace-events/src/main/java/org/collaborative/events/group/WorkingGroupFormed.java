package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator formed a working group on a theme; the facilitator is its first member. */
@Revision("1")
public record WorkingGroupFormed(
        String groupId,
        String themeId,
        String name,
        String purpose,
        GroupVisibility visibility,
        String facilitatorId,
        String facilitatorOrganisationId,
        Instant formedAt) {}
