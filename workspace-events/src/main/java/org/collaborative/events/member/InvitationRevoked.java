package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A pending invitation was withdrawn before it was accepted. {@link MemberErased} follows at once (reason
 * {@link ErasureReason#INVITATION_REVOKED}): the person never joined, so nothing of their details is kept.
 */
@Revision("1")
public record InvitationRevoked(String memberId, String revokedBy, Instant revokedAt) {}
