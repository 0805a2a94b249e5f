package org.collaborative.events.group;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member asked to join a group that needs a facilitator's approval (a council-only group). */
@Revision("1")
public record JoinRequested(String groupId, String memberId, String organisationId, Instant requestedAt) {}
