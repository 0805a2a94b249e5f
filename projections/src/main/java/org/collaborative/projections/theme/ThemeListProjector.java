package org.collaborative.projections.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.theme.ThemeArchived;
import org.collaborative.events.theme.ThemeCreated;
import org.collaborative.events.theme.ThemeDescribed;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.Projector;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.stereotype.Component;

/** The theme list, with a count of each theme's working groups. */
@Component
public class ThemeListProjector implements Projector<ThemeCard> {

    public static final String NAME = ThemeCard.COLLECTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ThemeCard> viewType() {
        return ThemeCard.class;
    }

    @Override
    public Optional<String> viewId(EventEnvelope event) {
        return viewId(event.payload());
    }

    /** The id of the document the payload names, or empty when the view does not follow the event. */
    public Optional<String> viewId(Object event) {
        if (event instanceof ThemeCreated created) {
            return Optional.of(created.themeId());
        }
        if (event instanceof WorkingGroupFormed formed) {
            return Optional.of(formed.themeId());
        }
        if (event instanceof ThemeDescribed described) {
            return Optional.of(described.themeId());
        }
        if (event instanceof ThemeArchived archived) {
            return Optional.of(archived.themeId());
        }
        return Optional.empty();
    }

    @Override
    public ThemeCard empty(String id) {
        return new ThemeCard(id, null, null, null, List.of(), false, Map.of(), null);
    }

    @Override
    public ThemeCard apply(ThemeCard card, EventEnvelope event) {
        if (event.payload() instanceof ThemeCreated created) {
            return new ThemeCard(
                    card.id(),
                    created.title(),
                    created.summary(),
                    created.createdAt(),
                    card.groupIds(),
                    card.archived(),
                    card.applied(),
                    card.version());
        }
        if (event.payload() instanceof ThemeDescribed described) {
            return new ThemeCard(
                    card.id(),
                    described.title(),
                    described.summary(),
                    card.createdAt(),
                    card.groupIds(),
                    card.archived(),
                    card.applied(),
                    card.version());
        }
        if (event.payload() instanceof ThemeArchived) {
            return new ThemeCard(
                    card.id(),
                    card.title(),
                    card.summary(),
                    card.createdAt(),
                    card.groupIds(),
                    true,
                    card.applied(),
                    card.version());
        }
        if (event.payload() instanceof WorkingGroupFormed formed
                && !card.groupIds().contains(formed.groupId())) {
            List<String> groups = new ArrayList<>(card.groupIds());
            groups.add(formed.groupId());
            groups.sort(null);
            return new ThemeCard(
                    card.id(),
                    card.title(),
                    card.summary(),
                    card.createdAt(),
                    groups,
                    card.archived(),
                    card.applied(),
                    card.version());
        }
        return card;
    }
}
