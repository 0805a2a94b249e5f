package org.collaborative.events.evidence;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member submitted evidence to a working group: a claim, its source and its strength on Nesta's Standards of Evidence (1-5). */
@Revision("1")
public record EvidenceSubmitted(
        String evidenceId,
        String groupId,
        String themeId,
        String title,
        String summary,
        String source,
        EvidenceKind kind,
        int level,
        String submittedBy,
        String submittedByOrganisationId,
        Instant submittedAt) {}
