package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person was given a place in the workspace: who they are by id, where they work and in what role, and their
 * personal details sealed with their own key.
 *
 * @param personalData the member's display name, email address and job title, encrypted with the member's own key
 *     (see {@link MemberProfileChanged} for the form). The key is kept outside the event store; when the member is
 *     erased it is destroyed and this can no longer be read. Null on events recorded at revision 1, when personal
 *     details were kept only outside the events.
 */
@Revision("2")
public record MemberRegistered(
        String memberId, String organisationId, MemberRole role, Instant registeredAt, String personalData) {}
