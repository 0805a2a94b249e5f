package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by {@link ErasedMemberGroups} after a member's erasure, never by a person. */
public record RemoveErasedMember(@TargetAggregateIdentifier String groupId, String memberId, Instant at) {}
