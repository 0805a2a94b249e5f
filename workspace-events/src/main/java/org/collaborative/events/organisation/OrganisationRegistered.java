package org.collaborative.events.organisation;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organisation joined the workspace.
 *
 * @param onsCode the ONS code (E09...) for a local authority, otherwise null
 * @param londonZone "inner" or "outer" London (ONS statistical grouping) for a local authority, otherwise null
 * @param gridRow row of the borough on the equal-size tile map, otherwise null
 * @param gridColumn column of the borough on the equal-size tile map, otherwise null
 */
@Revision("1")
public record OrganisationRegistered(
        String organisationId,
        String name,
        OrganisationKind kind,
        String onsCode,
        String londonZone,
        Integer gridRow,
        Integer gridColumn,
        Instant registeredAt) {}
