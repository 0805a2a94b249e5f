package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An invited member declines the invitation. */
public record DeclineInvitation(@TargetAggregateIdentifier String groupId, String memberId, Instant at) {}
