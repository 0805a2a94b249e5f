package org.collaborative.app.evidence;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.evidence.EvidenceKind;

public record ReviseEvidence(
        @TargetAggregateIdentifier String evidenceId,
        String title,
        String summary,
        String source,
        EvidenceKind kind,
        Integer level,
        Actor actor,
        Instant at) {}
