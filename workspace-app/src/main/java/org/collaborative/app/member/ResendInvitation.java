package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record ResendInvitation(@TargetAggregateIdentifier String memberId, Actor actor, Instant at) {}
