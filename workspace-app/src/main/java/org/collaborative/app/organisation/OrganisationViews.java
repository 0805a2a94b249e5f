package org.collaborative.app.organisation;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads organisation names from the {@code organisations} view. */
@Component
public class OrganisationViews {

    public record OrganisationCard(@Id String id, String name, String kind) {}

    private final MongoTemplate mongo;

    OrganisationViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Map<String, OrganisationCard> byId(Collection<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return mongo
                .find(new Query(Criteria.where("_id").in(organisationIds)), OrganisationCard.class, "organisations")
                .stream()
                .collect(Collectors.toMap(OrganisationCard::id, Function.identity()));
    }
}
