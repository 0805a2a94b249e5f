package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member linked a piece of evidence from the same theme to a proposal it supports. */
@Revision("1")
public record EvidenceLinkedToProposal(String proposalId, String evidenceId, String linkedBy, Instant linkedAt) {}
