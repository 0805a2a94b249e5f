package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member challenged a proposal, giving a reason. */
@Revision("1")
public record ProposalChallenged(
        String proposalId,
        String challengeId,
        String memberId,
        String organisationId,
        String reason,
        Instant challengedAt) {}
