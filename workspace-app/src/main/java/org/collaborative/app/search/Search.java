package org.collaborative.app.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
 * Searches questions, evidence, proposals and comments in the {@code search-index} view (docs/adr/0008-search.md).
 * The query is analysed like the index (stemmed English terms); "quoted phrases" must appear as written, in order.
 * MongoDB finds the entries that hold every term, in the groups the person may see and within the filters; they are
 * ranked here by BM25 over title and text (a title match weighs three times), with a bonus for phrases and the newer
 * entry first on a tie. Items and comments a facilitator has hidden are left out, for everyone.
 */
@Component
public class Search {

    static final String COLLECTION = SearchEntry.COLLECTION;
    /** How many matching entries are ranked at most; enough for any query people type, bounded for the common ones. */
    static final int CANDIDATES = 2_000;

    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double TITLE_WEIGHT = 3.0;

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
        List<SearchEntry> matching = candidates.stream()
                .filter(entry -> query.phrases().stream().allMatch(p -> containsPhrase(entry, p)))
                .toList();
        if (matching.isEmpty()) {
            return List.of();
        }
        long total = Math.max(1, mongo.getCollection(COLLECTION).estimatedDocumentCount());
        Map<String, Double> idf = new HashMap<>();
        for (String term : query.terms()) {
            long containing = mongo.count(new Query(Criteria.where("terms").is(term)), COLLECTION);
            idf.put(term, Math.log(1 + (total - containing + 0.5) / (containing + 0.5)));
        }
        double averageLength =
                matching.stream().mapToInt(e -> length(e)).average().orElse(1);
        List<Hit> hits = new ArrayList<>();
        for (SearchEntry entry : matching) {
            double score = 0;
            for (String term : query.terms()) {
                double frequency = TITLE_WEIGHT * Collections.frequency(orEmpty(entry.titleTerms()), term)
                        + Collections.frequency(orEmpty(entry.textTerms()), term);
                score += idf.get(term)
                        * frequency
                        * (K1 + 1)
                        / (frequency + K1 * (1 - B + B * length(entry) / averageLength));
            }
            score *= 1 + 0.5 * query.phrases().size();
            hits.add(new Hit(entry, score));
        }
        hits.sort(Comparator.comparingDouble(Hit::score)
                .reversed()
                .thenComparing(hit -> hit.entry().at(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(hit -> hit.entry().id()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    private static int length(SearchEntry entry) {
        return Math.max(
                1,
                orEmpty(entry.titleTerms()).size() + orEmpty(entry.textTerms()).size());
    }

    private static boolean containsPhrase(SearchEntry entry, List<String> phrase) {
        return Collections.indexOfSubList(orEmpty(entry.titleTerms()), phrase) >= 0
                || Collections.indexOfSubList(orEmpty(entry.textTerms()), phrase) >= 0;
    }

    private static List<String> orEmpty(List<String> terms) {
        return terms == null ? List.of() : terms;
    }
}
