package org.collaborative.events.evidence;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member (not the submitter) endorsed a piece of evidence. */
@Revision("1")
public record EvidenceEndorsed(String evidenceId, String memberId, String organisationId, Instant endorsedAt) {}
