package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LeaveWorkingGroup(@TargetAggregateIdentifier String groupId, String memberId, Instant at) {}
