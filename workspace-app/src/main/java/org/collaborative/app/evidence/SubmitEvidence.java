package org.collaborative.app.evidence;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.moderation.Posting;
import org.collaborative.events.evidence.EvidenceKind;

public record SubmitEvidence(
        @TargetAggregateIdentifier String evidenceId,
        String groupId,
        String title,
        String summary,
        String source,
        EvidenceKind kind,
        Integer level,
        Actor actor,
        Instant at)
        implements Posting {

    @Override
    public String postedBy() {
        return actor.memberId();
    }
}
