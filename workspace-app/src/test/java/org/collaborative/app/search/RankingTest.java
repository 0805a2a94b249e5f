package org.collaborative.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.search.SearchKind;
import org.collaborative.views.search.SearchText;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void aTitleMatchOutranksMentionsInTheText() {
        SearchEntry about = entry(
                "about",
                SearchKind.PROPOSAL,
                "Joint e-auction for laptops",
                "Ten councils buy their laptops together, once a quarter.",
                null,
                T0);
        SearchEntry passing = entry(
                "passing",
                SearchKind.PROPOSAL,
                "Shared printing contract",
                "Like the auction, and the auction before it, an auction could set the price: see the auction notes.",
                null,
                T0.plusSeconds(60));

        assertThat(ids(rank("auction", about, passing))).containsExactly("about", "passing");
    }

    @Test
    void higherEvidenceRanksAboveLowerAtTheSameTextScore() {
        SearchEntry level2 = entry(
                "level-2",
                SearchKind.EVIDENCE,
                "Telecare pilot results",
                "Falls fell by a fifth.",
                2,
                T0.plusSeconds(60));
        SearchEntry level4 =
                entry("level-4", SearchKind.EVIDENCE, "Telecare pilot results", "Falls fell by a fifth.", 4, T0);

        List<Search.Hit> hits = rank("telecare", level2, level4);

        assertThat(ids(hits)).as("despite being older").containsExactly("level-4", "level-2");
        assertThat(hits.get(0).score() / hits.get(1).score())
                .as("a modest boost: a tenth per level")
                .isCloseTo(1.3 / 1.1, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theLevelDoesNotLiftAPassingMentionAboveATitleMatch() {
        SearchEntry proposal = entry(
                "proposal",
                SearchKind.PROPOSAL,
                "A telecare call centre",
                "Four boroughs answer alarms from one centre.",
                null,
                T0);
        SearchEntry strong = entry(
                "strong",
                SearchKind.EVIDENCE,
                "Falls among older people",
                "A randomised trial found fewer falls; telecare was one arm.",
                5,
                T0);

        assertThat(ids(rank("telecare", proposal, strong))).containsExactly("proposal", "strong");
    }

    @Test
    void aGroupIsFoundByItsName() {
        SearchEntry group = entry(
                "group",
                SearchKind.GROUP,
                "Staying at home with telecare",
                "Telecare, reablement and keeping people well at home.",
                null,
                T0);
        SearchEntry question = entry(
                "question",
                SearchKind.QUESTION,
                "Who runs a reablement service?",
                "We want to compare costs.",
                null,
                T0);

        assertThat(ids(rank("reablement", group, question)))
                .as("each is found; the question has the word in its title")
                .containsExactly("question", "group");
        assertThat(ids(rank("staying home", group, question))).containsExactly("group");
    }

    @Test
    void everyPhraseMustAppearInOrderAndEachAddsToTheScore() {
        SearchEntry portal =
                entry("portal", SearchKind.PROPOSAL, "London Jobs Portal", "Jobs on one portal.", null, T0);
        SearchEntry reversed = entry("reversed", SearchKind.PROPOSAL, "A portal for jobs", "", null, T0);

        assertThat(ids(rank("\"jobs portal\"", portal, reversed))).containsExactly("portal");
        double plain = rank("jobs portal", portal).get(0).score();
        assertThat(rank("\"jobs portal\"", portal).get(0).score())
                .isCloseTo(1.5 * plain, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theNewerComesFirstOnATie() {
        SearchEntry older = entry("older", SearchKind.QUESTION, "Bin stickers", "", null, T0);
        SearchEntry newer = entry("newer", SearchKind.QUESTION, "Bin stickers", "", null, T0.plusSeconds(60));

        assertThat(ids(rank("stickers", older, newer))).containsExactly("newer", "older");
    }

    static SearchEntry entry(String id, SearchKind kind, String title, String text, Integer level, Instant at) {
        List<String> titleTerms = SearchText.terms(title);
        List<String> textTerms = SearchText.terms(text);
        List<String> terms = java.util.stream.Stream.concat(titleTerms.stream(), textTerms.stream())
                .distinct()
                .toList();
        return new SearchEntry(
                id,
                kind.key(),
                id,
                "g1",
                "t",
                "E09000007",
                title,
                text,
                List.of(SearchEntry.Part.of("0", text)),
                terms,
                titleTerms,
                textTerms,
                at,
                level,
                Map.of(),
                null);
    }

    /** Ranks as the workspace does: the candidates hold every query term; the corpus is the entries given. */
    static List<Search.Hit> rank(String q, SearchEntry... entries) {
        return rank(q, List.of(entries));
    }

    static List<Search.Hit> rank(String q, List<SearchEntry> entries) {
        Search.ParsedQuery query = Search.parse(q);
        Map<String, Long> containing = new HashMap<>();
        for (String term : query.terms()) {
            containing.put(
                    term, entries.stream().filter(e -> e.terms().contains(term)).count());
        }
        List<SearchEntry> candidates = entries.stream()
                .filter(e -> e.terms().containsAll(query.terms()))
                .toList();
        return Ranking.rank(query, candidates, new Ranking.Corpus(entries.size(), containing));
    }

    static List<String> ids(List<Search.Hit> hits) {
        return hits.stream().map(hit -> hit.entry().id()).toList();
    }
}
