package org.collaborative.projections.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.theme.ThemeArchived;
import org.collaborative.events.theme.ThemeCreated;
import org.collaborative.events.theme.ThemeDescribed;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.stereotype.Component;

/** The theme list, with a count of each theme's working groups. */
@Component
public class ThemeListProjector extends DeclaredProjector<ThemeCard> {

    public static final String NAME = ThemeCard.COLLECTION;

    public ThemeListProjector() {
        super(NAME, ThemeCard.class, HANDLERS);
    }

    private static final EventHandlers<ThemeCard> HANDLERS = new EventHandlers<ThemeCard>()
            .on(
                    ThemeCreated.class,
                    ThemeCreated::themeId,
                    (card, created, envelope) -> card.created(created.title(), created.summary(), created.createdAt()))
            .on(
                    ThemeDescribed.class,
                    ThemeDescribed::themeId,
                    (card, described, envelope) -> card.described(described.title(), described.summary()))
            .on(ThemeArchived.class, ThemeArchived::themeId, (card, archived, envelope) -> card.asArchived())
            .on(WorkingGroupFormed.class, WorkingGroupFormed::themeId, (card, formed, envelope) -> {
                if (card.groupIds().contains(formed.groupId())) {
                    return card;
                }
                List<String> groups = new ArrayList<>(card.groupIds());
                groups.add(formed.groupId());
                groups.sort(null);
                return card.withGroupIds(groups);
            });

    @Override
    public ThemeCard empty(String id) {
        return new ThemeCard(id, null, null, null, List.of(), false, Map.of(), null);
    }
}
