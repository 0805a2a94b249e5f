package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An invited member followed their link and set a password: from now on they can sign in. */
@Revision("1")
public record InvitationAccepted(String memberId, Instant acceptedAt) {}
