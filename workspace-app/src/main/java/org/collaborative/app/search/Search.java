package org.collaborative.app.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.collaborative.app.moderation.ModerationViews;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.search.SearchText;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Searches working groups, questions, evidence, proposals and comments in the {@code search-index} view
 * (docs/adr/0008-search.md). The query is analysed like the index (stemmed English terms); "quoted phrases" must
 * appear as written, in order. MongoDB finds the entries that hold every term, in the groups the person may see (a
 * group's own entry is in the group) and within the filters; {@link Ranking} orders them. Items and comments a
 * facilitator has hidden are left out, for everyone.
 */
@Component
public class Search {

    static final String COLLECTION = SearchEntry.COLLECTION;
    /** How many matching entries are ranked at most; enough for any query people type, bounded for the common ones. */
    static final int CANDIDATES = 2_000;

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");

    /** A parsed query: every term must match; each phrase (as terms) must appear in order. */
    public record ParsedQuery(List<String> terms, List<List<String>> phrases) {

        public boolean isEmpty() {
            return terms.isEmpty();
        }
    }

    /** Narrowing a search: each is ignored when null. */
    public record Filters(String themeId, String type, String organisationId) {}

    /** One result with its score. */
    public record Hit(SearchEntry entry, double score) {}

    private final MongoTemplate mongo;
    private final ModerationViews moderation;

    Search(MongoTemplate mongo, ModerationViews moderation) {
        this.mongo = mongo;
        this.moderation = moderation;
    }

    public static ParsedQuery parse(String query) {
        if (query == null) {
            return new ParsedQuery(List.of(), List.of());
        }
        List<List<String>> phrases = new ArrayList<>();
        Matcher phrase = PHRASE.matcher(query);
        while (phrase.find()) {
            List<String> terms = SearchText.terms(phrase.group(1));
            if (terms.size() > 1) {
                phrases.add(terms);
            }
        }
        List<String> terms =
                SearchText.terms(query.replace('"', ' ')).stream().distinct().toList();
        return new ParsedQuery(terms, phrases);
    }

    /** The entries in the given groups that match, best first. */
    public List<Hit> search(ParsedQuery query, Set<String> visibleGroupIds, Filters filters, int limit) {
        if (query.isEmpty() || visibleGroupIds.isEmpty()) {
            return List.of();
        }
        Criteria criteria =
                Criteria.where("terms").all(query.terms()).and("groupId").in(visibleGroupIds);
        Set<String> hidden = moderation.hiddenIn(visibleGroupIds);
        if (!hidden.isEmpty()) {
            // A hidden item takes its comments out with it; a hidden comment goes alone.
            criteria = criteria.and("_id").nin(hidden).and("itemId").nin(hidden);
        }
        if (filters.type() != null) {
            criteria = criteria.and("type").is(filters.type());
        }
        if (filters.themeId() != null) {
            criteria = criteria.and("themeId").is(filters.themeId());
        }
        if (filters.organisationId() != null) {
            criteria = criteria.and("organisationId").is(filters.organisationId());
        }
        List<SearchEntry> candidates = mongo.find(new Query(criteria).limit(CANDIDATES), SearchEntry.class, COLLECTION);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Long> containing = new HashMap<>();
        for (String term : query.terms()) {
            containing.put(term, mongo.count(new Query(Criteria.where("terms").is(term)), COLLECTION));
        }
        List<Hit> hits = Ranking.rank(
                query,
                candidates,
                new Ranking.Corpus(mongo.getCollection(COLLECTION).estimatedDocumentCount(), containing));
        return hits.subList(0, Math.min(limit, hits.size()));
    }
}
