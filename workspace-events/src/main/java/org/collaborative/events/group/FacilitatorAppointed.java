package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator made another member of the group a facilitator too: a group has one or more. */
@Revision("1")
public record FacilitatorAppointed(String groupId, String memberId, String appointedBy, Instant appointedAt) {}
