package org.collaborative.events.proposal;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member drafted a proposal in a working group (summary in Markdown). */
@Revision("1")
public record ProposalDrafted(
        String proposalId,
        String groupId,
        String themeId,
        String title,
        String summary,
        ProposalForm form,
        String draftedBy,
        String draftedByOrganisationId,
        Instant draftedAt) {}
