package org.collaborative.app.member;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.member.MemberRole;

/** An administrator gives a member another role. */
public record ChangeMemberRole(@TargetAggregateIdentifier String memberId, Actor actor, MemberRole role, Instant at) {}
