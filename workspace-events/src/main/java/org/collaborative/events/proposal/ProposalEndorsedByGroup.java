package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A facilitator recorded that the group endorses the proposal after its challenge. */
@Revision("1")
public record ProposalEndorsedByGroup(String proposalId, String facilitatorId, Instant endorsedAt) {}
