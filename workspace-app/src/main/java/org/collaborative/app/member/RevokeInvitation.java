package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

public record RevokeInvitation(@TargetAggregateIdentifier String memberId, Actor actor, Instant at) {}
