package org.collaborative.app.theme;

import java.util.List;
import java.util.Optional;
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
}
