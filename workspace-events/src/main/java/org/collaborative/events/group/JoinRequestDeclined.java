package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator declined a request to join, saying why; the member may ask again later. */
@Revision("1")
public record JoinRequestDeclined(
        String groupId, String memberId, String declinedBy, String reason, Instant declinedAt) {}
