package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/** A facilitator of the group, or an administrator, gives it a new name or purpose. */
public record RenameWorkingGroup(
        @TargetAggregateIdentifier String groupId, String name, String purpose, Actor actor, Instant at) {}
