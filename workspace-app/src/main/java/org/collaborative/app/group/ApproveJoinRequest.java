package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A facilitator approves a request to join their group. */
public record ApproveJoinRequest(
        @TargetAggregateIdentifier String groupId, String memberId, String facilitatorId, Instant at) {}
