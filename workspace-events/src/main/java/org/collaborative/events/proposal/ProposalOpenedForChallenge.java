package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The proposer opened their draft to the group for endorsement and challenge. */
@Revision("1")
public record ProposalOpenedForChallenge(String proposalId, String openedBy, Instant openedAt) {}
