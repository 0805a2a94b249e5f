package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A facilitator declines a request to join their group, with a reason the member will read. */
public record DeclineJoinRequest(
        @TargetAggregateIdentifier String groupId, String memberId, String facilitatorId, String reason, Instant at) {}
