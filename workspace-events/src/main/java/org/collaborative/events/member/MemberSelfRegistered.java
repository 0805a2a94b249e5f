package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.collaborative.events.organisation.RegistrationApproval;

/**
 * A person registered themselves with an address at one of their organisation's email domains, confirmed it from
 * the emailed link and chose a password ({@link MemberRegistered} comes just before, with their sealed details).
 * With approval {@code AT_ONCE} they can sign in now; otherwise they wait for {@link RegistrationApproved}.
 */
@Revision("1")
public record MemberSelfRegistered(
        String memberId, String organisationId, MemberRole role, RegistrationApproval approval, Instant registeredAt) {}
