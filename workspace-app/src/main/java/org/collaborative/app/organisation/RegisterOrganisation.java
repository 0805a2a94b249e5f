package org.collaborative.app.organisation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.organisation.OrganisationKind;

public record RegisterOrganisation(
        @TargetAggregateIdentifier String organisationId,
        String name,
        OrganisationKind kind,
        String onsCode,
        String londonZone,
        Integer gridRow,
        Integer gridColumn,
        Instant at) {}
