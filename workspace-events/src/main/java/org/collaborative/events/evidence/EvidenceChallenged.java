package org.collaborative.events.evidence;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member challenged a piece of evidence, giving a reason. */
@Revision("1")
public record EvidenceChallenged(
        String evidenceId,
        String challengeId,
        String memberId,
        String organisationId,
        String reason,
        Instant challengedAt) {}
