package org.collaborative.app.theme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.collaborative.views.theme.ThemeCard;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the theme list that the projections build ({@code theme-list} collection). */
@Component
public class ThemeViews {

    static final String COLLECTION = ThemeCard.COLLECTION;

    /** A theme as one reader sees it, with the number of its working groups that reader may see. */
    public record ThemeSeen(String id, String title, String summary, int groupCount, boolean archived) {}

    private final MongoTemplate mongo;

    ThemeViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The themes in use, by title. */
    public List<ThemeCard> all() {
        Query query = new Query(Criteria.where("title").ne(null).and("archived").ne(true)).with(Sort.by("title"));
        return mongo.find(query, ThemeCard.class, COLLECTION);
    }

    /** The archived themes, by title. */
    public List<ThemeCard> archived() {
        Query query = new Query(Criteria.where("title").ne(null).and("archived").is(true)).with(Sort.by("title"));
        return mongo.find(query, ThemeCard.class, COLLECTION);
    }

    public Optional<ThemeCard> find(String themeId) {
        return Optional.ofNullable(mongo.findById(themeId, ThemeCard.class, COLLECTION))
                .filter(theme -> theme.title() != null);
    }

    /**
     * The theme as this reader sees it. A theme card lists every working group on it, private ones included, and is
     * never shown as it is: its groups are counted for one reader at a time, so a private group's existence does not
     * leak.
     */
    public static ThemeSeen seenBy(ThemeCard theme, Set<String> visibleGroupIds) {
        int count = theme.groupIds() == null
                ? 0
                : (int) theme.groupIds().stream()
                        .filter(visibleGroupIds::contains)
                        .count();
        return new ThemeSeen(theme.id(), theme.title(), theme.summary(), count, theme.archived());
    }

    /** The themes as this reader sees them (see {@link #seenBy(ThemeCard, Set)}). */
    public static List<ThemeSeen> seenBy(Collection<ThemeCard> themes, Set<String> visibleGroupIds) {
        return themes.stream().map(theme -> seenBy(theme, visibleGroupIds)).toList();
    }
}
