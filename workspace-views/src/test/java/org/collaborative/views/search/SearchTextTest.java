package org.collaborative.views.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one analyser: what the projections store as terms is what the workspace looks for. */
class SearchTextTest {

    @Test
    void termsAreStemmedLowerCasedAndFreeOfStopWords() {
        // "it" is an English stop word, so "IT hardware" is found by "hardware".
        assertThat(SearchText.terms("The IT hardware e-Auctions saved councils £400,000"))
                .containsExactly("hardwar", "e", "auction", "save", "council", "400,000");
        assertThat(SearchText.terms("auctioned")).containsExactly("auction");
        assertThat(SearchText.terms("  ")).isEmpty();
        assertThat(SearchText.terms(null)).isEmpty();
    }

    @Test
    void repeatsAreKeptInOrderForPhrasesAndTermFrequency() {
        assertThat(SearchText.terms("Shared auctions: the auction of auctions"))
                .containsExactly("share", "auction", "auction", "auction");
    }

    @Test
    void eachTermKnowsWhereItsWordStands() {
        String text = "Run the **e-auction** room";
        assertThat(SearchText.tokens(text))
                .containsExactly(
                        new SearchText.Token("run", 0, 3),
                        new SearchText.Token("e", 10, 11),
                        new SearchText.Token("auction", 12, 19),
                        new SearchText.Token("room", 22, 26));
        assertThat(text.substring(12, 19)).isEqualTo("auction");
    }

    @Test
    void everyKindHasItsOwnKey() {
        for (SearchKind kind : SearchKind.values()) {
            assertThat(SearchKind.fromKey(kind.key())).isEqualTo(kind);
        }
        assertThat(SearchKind.fromKey("group")).isEqualTo(SearchKind.GROUP);
        assertThat(SearchKind.fromKey("nonsense")).isNull();
    }
}
