package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/** An administrator, or an administrator of the person's organisation, lets a waiting registration in. */
public record ApproveRegistration(@TargetAggregateIdentifier String memberId, Actor actor, Instant at) {}
