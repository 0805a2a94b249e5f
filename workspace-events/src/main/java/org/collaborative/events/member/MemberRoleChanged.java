package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An administrator gave a member another role. */
@Revision("1")
public record MemberRoleChanged(
        String memberId, MemberRole previousRole, MemberRole role, String changedBy, Instant changedAt) {}
