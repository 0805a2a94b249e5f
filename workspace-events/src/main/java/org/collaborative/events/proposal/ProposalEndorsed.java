package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member (not the proposer) endorsed a proposal. */
@Revision("1")
public record ProposalEndorsed(String proposalId, String memberId, String organisationId, Instant endorsedAt) {}
