package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/** A facilitator of the group, or an administrator, archives it with a reason. */
public record ArchiveWorkingGroup(@TargetAggregateIdentifier String groupId, String reason, Actor actor, Instant at) {}
