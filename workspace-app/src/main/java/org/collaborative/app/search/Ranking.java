package org.collaborative.app.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.collaborative.views.search.SearchEntry;

/**
 * Orders the entries that match a query, best first (docs/adr/0008-search.md). A pure function of the query, the
 * candidates and how common each term is in the whole index, so that it is tested without MongoDB.
 *
 * <ul>
 *   <li>Text relevance is BM25F over the two fields: a term's occurrences in the title count {@value #TITLE_WEIGHT}
 *       times, the text's are normalised by its length against the candidates' average, the sum saturates (k1
 *       {@value #K1}, b {@value #B}) and is weighted by the term's rarity (idf).
 *   <li>A query term in the title earns a further {@value #TITLE_MATCH} times its idf: more than any number of
 *       mentions in the text can earn (the saturated part stays below k1 + 1), so an item about the subject ranks
 *       above one that mentions it in passing.
 *   <li>Each "quoted phrase" (already required to match) multiplies the score by 1 + {@value #PHRASE_BONUS}.
 *   <li>Evidence is multiplied by 1 + {@value #LEVEL_STEP} for each level above 1 on Nesta's Standards of Evidence, so
 *       that of two similar matches the stronger evidence comes first.
 *   <li>Ties go to the newer entry.
 * </ul>
 */
public final class Ranking {

    static final double K1 = 1.2;
    static final double B = 0.75;
    static final double TITLE_WEIGHT = 3.0;
    static final double TITLE_MATCH = K1 + 1;
    static final double PHRASE_BONUS = 0.5;
    static final double LEVEL_STEP = 0.1;

    /**
     * How common the query's terms are in the whole index (not only among the candidates).
     *
     * @param entries how many entries the index holds
     * @param containing for each query term, how many entries hold it
     */
    public record Corpus(long entries, Map<String, Long> containing) {

        double idf(String term) {
            long total = Math.max(1, entries);
            long with = Math.min(total, containing.getOrDefault(term, 0L));
            return Math.log(1 + (total - with + 0.5) / (with + 0.5));
        }
    }

    private Ranking() {}

    /** The candidates that hold every phrase of the query, ranked, best first. */
    public static List<Search.Hit> rank(Search.ParsedQuery query, List<SearchEntry> candidates, Corpus corpus) {
        List<SearchEntry> matching = candidates.stream()
                .filter(entry -> query.phrases().stream().allMatch(phrase -> containsPhrase(entry, phrase)))
                .toList();
        double averageText = matching.stream()
                .mapToInt(e -> terms(e.textTerms()).size())
                .average()
                .orElse(0);
        List<Search.Hit> hits = new ArrayList<>();
        for (SearchEntry entry : matching) {
            hits.add(new Search.Hit(entry, score(query, entry, corpus, averageText)));
        }
        hits.sort(Comparator.comparingDouble(Search.Hit::score)
                .reversed()
                .thenComparing(hit -> hit.entry().at(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(hit -> hit.entry().id()));
        return hits;
    }

    static double score(Search.ParsedQuery query, SearchEntry entry, Corpus corpus, double averageText) {
        List<String> title = terms(entry.titleTerms());
        List<String> text = terms(entry.textTerms());
        double textNorm = averageText > 0 ? 1 - B + B * text.size() / averageText : 1;
        double score = 0;
        for (String term : query.terms()) {
            int inTitle = Collections.frequency(title, term);
            double frequency = TITLE_WEIGHT * inTitle + Collections.frequency(text, term) / textNorm;
            double relevance = frequency * (K1 + 1) / (frequency + K1) + (inTitle > 0 ? TITLE_MATCH : 0);
            score += corpus.idf(term) * relevance;
        }
        score *= 1 + PHRASE_BONUS * query.phrases().size();
        if (entry.level() != null) {
            score *= 1 + LEVEL_STEP * (Math.max(1, Math.min(5, entry.level())) - 1);
        }
        return score;
    }

    private static boolean containsPhrase(SearchEntry entry, List<String> phrase) {
        return Collections.indexOfSubList(terms(entry.titleTerms()), phrase) >= 0
                || Collections.indexOfSubList(terms(entry.textTerms()), phrase) >= 0;
    }

    private static List<String> terms(List<String> terms) {
        return terms == null ? List.of() : terms;
    }
}
