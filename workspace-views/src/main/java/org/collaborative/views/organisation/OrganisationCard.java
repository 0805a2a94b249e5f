package org.collaborative.views.organisation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * An organisation as pages name it ({@code organisations} collection): its name, kind and, for a borough, its place on
 * the tile map.
 */
public record OrganisationCard(
        @Id String id,
        String name,
        String kind,
        String onsCode,
        String londonZone,
        Integer gridRow,
        Integer gridColumn,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<OrganisationCard> {

    public static final String COLLECTION = "organisations";
}
