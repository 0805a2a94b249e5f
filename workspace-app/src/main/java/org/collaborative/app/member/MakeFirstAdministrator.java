package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The operator's command line makes an existing member the first administrator (when there is none yet: the command
 * line checks). Recorded as a role change by {@code operator}.
 */
public record MakeFirstAdministrator(
        @TargetAggregateIdentifier String memberId, Instant at) {}
