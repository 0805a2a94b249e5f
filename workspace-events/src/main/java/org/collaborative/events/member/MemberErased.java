package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An administrator erased a member's personal data on request: their key is destroyed, so the personal data sealed in
 * their earlier events can no longer be read, and their account is gone. What they contributed stays, attributed to
 * their organisation and shown as by a "Former member". The event itself carries no personal data.
 *
 * @param reference the administrator's case or ticket reference for the request (letters, digits, hyphens and slashes
 *     only, so that it cannot hold a name or an address), or empty
 */
@Revision("1")
public record MemberErased(
        String memberId,
        String organisationId,
        ErasureReason reason,
        String reference,
        String erasedBy,
        Instant erasedAt) {}
