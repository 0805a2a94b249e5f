package org.collaborative.app.theme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the theme list that the projections build ({@code theme-list} collection). */
@Component
public class ThemeViews {

    static final String COLLECTION = "theme-list";

    /**
     * A theme as stored: every working group on it, whoever may see them. Never shown as it is: a count of its groups
     * is made for one reader at a time ({@link #seenBy}), so a private group's existence does not leak.
     */
    public record ThemeCard(@Id String id, String title, String summary, List<String> groupIds, boolean archived) {

        public ThemeCard {
            groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        }

        /** The theme as this reader sees it: only the groups they may see are counted. */
        public ThemeSeen seenBy(Set<String> visibleGroupIds) {
            int count =
                    (int) groupIds.stream().filter(visibleGroupIds::contains).count();
            return new ThemeSeen(id, title, summary, count, archived);
        }
    }

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

    /** The themes as this reader sees them (see {@link ThemeCard#seenBy}). */
    public static List<ThemeSeen> seenBy(Collection<ThemeCard> themes, Set<String> visibleGroupIds) {
        return themes.stream().map(theme -> theme.seenBy(visibleGroupIds)).toList();
    }
}
