package org.collaborative.projections.organisation;

import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** An organisation as pages name it: its name, kind and, for a borough, its place on the tile map. */
public record OrganisationCard(
        @Id String id,
        String name,
        String kind,
        String onsCode,
        String londonZone,
        Integer gridRow,
        Integer gridColumn,
        Map<String, Long> applied,
        @Version Long version)
        implements View<OrganisationCard> {

    @Override
    public OrganisationCard withApplied(Map<String, Long> applied) {
        return new OrganisationCard(id, name, kind, onsCode, londonZone, gridRow, gridColumn, applied, version);
    }
}
