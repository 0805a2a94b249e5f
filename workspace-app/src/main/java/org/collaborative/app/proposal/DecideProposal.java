package org.collaborative.app.proposal;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.proposal.ProposalOutcome;

public record DecideProposal(
        @TargetAggregateIdentifier String proposalId,
        ProposalOutcome outcome,
        String rationale,
        Actor actor,
        Instant at) {}
