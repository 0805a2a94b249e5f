package org.collaborative.views.theme;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A theme on the theme list ({@code theme-list} collection): what it is about and which working groups take it on.
 * {@code groupIds} lists every group on the theme, private ones included: the view holds no count of them, since a count
 * fit for every reader does not exist (each reader sees only the groups they may see, issue 12).
 */
public record ThemeCard(
        @Id String id,
        String title,
        String summary,
        Instant createdAt,
        List<String> groupIds,
        boolean archived,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<ThemeCard> {

    public static final String COLLECTION = "theme-list";

    public ThemeCard described(String title, String summary) {
        return with("title", title, "summary", summary);
    }

    public ThemeCard created(String title, String summary, Instant createdAt) {
        return described(title, summary).with("createdAt", createdAt);
    }

    public ThemeCard asArchived() {
        return with("archived", true);
    }

    public ThemeCard withGroupIds(List<String> groupIds) {
        return with("groupIds", groupIds);
    }
}
