package org.collaborative.projections.organisation;

import java.util.Map;
import java.util.Optional;
import org.collaborative.events.organisation.OrganisationRegistered;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.Projector;
import org.collaborative.views.organisation.OrganisationCard;
import org.springframework.stereotype.Component;

/** Every organisation in the workspace. */
@Component
public class OrganisationsProjector implements Projector<OrganisationCard> {

    public static final String NAME = OrganisationCard.COLLECTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<OrganisationCard> viewType() {
        return OrganisationCard.class;
    }

    @Override
    public Optional<String> viewId(EventEnvelope event) {
        return viewId(event.payload());
    }

    /** The id of the document the payload names, or empty when the view does not follow the event. */
    public Optional<String> viewId(Object event) {
        return event instanceof OrganisationRegistered registered
                ? Optional.of(registered.organisationId())
                : Optional.empty();
    }

    @Override
    public OrganisationCard empty(String id) {
        return new OrganisationCard(id, null, null, null, null, null, null, Map.of(), null);
    }

    @Override
    public OrganisationCard apply(OrganisationCard card, EventEnvelope event) {
        if (event.payload() instanceof OrganisationRegistered registered) {
            return new OrganisationCard(
                    card.id(),
                    registered.name(),
                    registered.kind().name(),
                    registered.onsCode(),
                    registered.londonZone(),
                    registered.gridRow(),
                    registered.gridColumn(),
                    card.applied(),
                    card.version());
        }
        return card;
    }
}
