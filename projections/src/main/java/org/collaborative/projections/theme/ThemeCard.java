package org.collaborative.projections.theme;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A theme on the theme list: what it is about and how many working groups take it on. */
public record ThemeCard(
        @Id String id,
        String title,
        String summary,
        Instant createdAt,
        List<String> groupIds,
        int groupCount,
        boolean archived,
        Map<String, Long> applied,
        @Version Long version)
        implements View<ThemeCard> {

    @Override
    public ThemeCard withApplied(Map<String, Long> applied) {
        return new ThemeCard(id, title, summary, createdAt, groupIds, groupCount, archived, applied, version);
    }
}
