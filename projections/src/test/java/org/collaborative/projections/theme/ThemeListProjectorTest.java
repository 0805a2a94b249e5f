package org.collaborative.projections.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.theme.ThemeArchived;
import org.collaborative.events.theme.ThemeCreated;
import org.collaborative.events.theme.ThemeDescribed;
import org.collaborative.views.theme.ThemeCard;
import org.junit.jupiter.api.Test;

class ThemeListProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private final ThemeListProjector projector = new ThemeListProjector();

    @Test
    void aThemeIsCreatedDescribedGivenGroupsAndArchived() {
        ThemeCard card = projector.empty("carbon");
        card = projector.apply(
                card, envelope("carbon", 0, new ThemeCreated("carbon", "Carbon", "Cut it", "amara", T0)));
        // Groups arrive from their own streams, in any order, and may be delivered twice.
        card = projector.apply(card, envelope("g2", 0, formed("g2")));
        card = projector.apply(card, envelope("g1", 0, formed("g1")));
        card = projector.apply(card, envelope("g2", 0, formed("g2")));
        card = projector.apply(
                card,
                envelope(
                        "carbon",
                        1,
                        new ThemeDescribed("carbon", "Net zero", "Reach it", "amara", T0.plusSeconds(60))));

        assertThat(card.title()).isEqualTo("Net zero");
        assertThat(card.summary()).isEqualTo("Reach it");
        assertThat(card.createdAt()).isEqualTo(T0);
        assertThat(card.groupIds()).containsExactly("g1", "g2");
        assertThat(card.archived()).isFalse();

        card = projector.apply(card, envelope("carbon", 2, new ThemeArchived("carbon", "amara", T0.plusSeconds(120))));

        assertThat(card.archived()).isTrue();
        assertThat(card.title()).isEqualTo("Net zero");
        assertThat(projector.viewId(formed("g3"))).contains("carbon");
        assertThat(projector.viewId("not an event")).isEmpty();
    }

    private static WorkingGroupFormed formed(String groupId) {
        return new WorkingGroupFormed(groupId, "carbon", "Retrofit", "", GroupVisibility.OPEN, "amara", "lc", T0);
    }
}
