package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/** An administrator reopens an archived group. */
public record ReopenWorkingGroup(@TargetAggregateIdentifier String groupId, Actor actor, Instant at) {}
