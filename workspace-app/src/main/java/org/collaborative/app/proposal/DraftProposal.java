package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.Actor;
import org.collaborative.events.proposal.ProposalForm;

public record DraftProposal(
        @TargetAggregateIdentifier String proposalId,
        String groupId,
        String title,
        String summary,
        ProposalForm form,
        Actor actor,
        Instant at) {}
