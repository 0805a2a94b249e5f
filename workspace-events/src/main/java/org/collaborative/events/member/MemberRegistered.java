package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person was given a place in the workspace. Their name and contact details are personal data and are kept
 * outside the event stream; the event says only who they are by id, where they work and in what role.
 */
@Revision("1")
public record MemberRegistered(String memberId, String organisationId, MemberRole role, Instant registeredAt) {}
