package org.collaborative.app.group;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.group.GroupVisibility;

public record FormWorkingGroup(
        @TargetAggregateIdentifier String groupId,
        String themeId,
        String name,
        String purpose,
        GroupVisibility visibility,
        String facilitatorId,
        String facilitatorOrganisationId,
        Instant at) {}
