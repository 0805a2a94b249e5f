package org.collaborative.app.organisation;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads organisation names from the {@code organisations} view. */
@Component
public class OrganisationViews {

    private final MongoTemplate mongo;

    static final String COLLECTION = OrganisationCard.COLLECTION;

    OrganisationViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every organisation, by name. */
    public java.util.List<OrganisationCard> all() {
        return mongo.find(
                new Query().with(org.springframework.data.domain.Sort.by("name")), OrganisationCard.class, COLLECTION);
    }

    public Map<String, OrganisationCard> byId(Collection<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return mongo
                .find(new Query(Criteria.where("_id").in(organisationIds)), OrganisationCard.class, COLLECTION)
                .stream()
                .collect(Collectors.toMap(OrganisationCard::id, Function.identity()));
    }
}
