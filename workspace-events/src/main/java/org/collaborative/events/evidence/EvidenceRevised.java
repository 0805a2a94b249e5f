package org.collaborative.events.evidence;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The submitter revised their evidence; every field is given as it now stands. */
@Revision("1")
public record EvidenceRevised(
        String evidenceId,
        String title,
        String summary,
        String source,
        EvidenceKind kind,
        int level,
        String revisedBy,
        Instant revisedAt) {}
