package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A facilitator makes another member of the group a facilitator. */
public record AppointFacilitator(
        @TargetAggregateIdentifier String groupId, String memberId, String facilitatorId, Instant at) {}
