package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The proposer (or a facilitator) withdrew a proposal that was not yet decided. */
@Revision("1")
public record ProposalWithdrawn(String proposalId, String withdrawnBy, String reason, Instant withdrawnAt) {}
