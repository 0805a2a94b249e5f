package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/**
 * A facilitator makes another member of the group a facilitator; an administrator may appoint anyone, who then joins
 * the group if they were not in it (so a group left without a facilitator, when its only one was erased, gets one).
 *
 * @param memberOrganisationId the appointee's organisation, looked up by the caller: recorded if they join
 */
public record AppointFacilitator(
        @TargetAggregateIdentifier String groupId,
        String memberId,
        String memberOrganisationId,
        Actor actor,
        Instant at) {}
