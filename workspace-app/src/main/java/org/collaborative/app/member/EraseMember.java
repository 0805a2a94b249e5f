package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.member.ErasureReason;

/** An administrator acts on a request to erase a member's personal data. */
public record EraseMember(
        @TargetAggregateIdentifier String memberId, Actor actor, ErasureReason reason, String reference, Instant at) {}
