package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.moderation.Posting;
import org.collaborative.events.proposal.ProposalForm;

public record DraftProposal(
        @TargetAggregateIdentifier String proposalId,
        String groupId,
        String title,
        String summary,
        ProposalForm form,
        Actor actor,
        Instant at)
        implements Posting {

    @Override
    public String postedBy() {
        return actor.memberId();
    }
}
