package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator recorded the decision on an endorsed proposal, with the rationale. */
@Revision("1")
public record ProposalDecided(
        String proposalId, ProposalOutcome outcome, String rationale, String decidedBy, Instant decidedAt) {}
