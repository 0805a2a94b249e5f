package org.collaborative.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    private static final String LONG = "The London Centre of Excellence, now part of Capital Ambition, redesigned how "
            + "councils buy IT hardware after years of separate contracts, separate specifications and separate "
            + "suppliers for the same laptops. An e-auction room sourced equipment from suppliers around the world; "
            + "each of the ten councils taking part saved an average of £400,000, and the finance teams of four of "
            + "them audited the figures against three previous years of contracts for the same kit.";

    @Test
    void aShortTextIsShownWholeOnOneLine() {
        assertThat(Snippet.around("Ten councils\n\nbought   together.", List.of("council")))
                .isEqualTo("Ten councils bought together.");
        assertThat(Snippet.around(null, List.of("council"))).isEmpty();
    }

    @Test
    void aLongTextIsCutAroundItsFirstMatchAtWholeWords() {
        String snippet = Snippet.around(LONG, List.of("auction"));

        assertThat(snippet).startsWith("…").endsWith("…").contains("An e-auction room sourced equipment");
        assertThat(snippet.length()).isLessThanOrEqualTo(Snippet.LENGTH + 2);
        String inner = snippet.substring(1, snippet.length() - 1);
        assertThat(LONG).contains(inner);
        int at = LONG.indexOf(inner);
        assertThat(at == 0 || LONG.charAt(at - 1) == ' ').as("starts at a word").isTrue();
        int end = at + inner.length();
        assertThat(end == LONG.length() || LONG.charAt(end) == ' ')
                .as("ends at a word")
                .isTrue();
        assertThat(LONG.indexOf("auction") - at)
                .as("a little context before the match")
                .isBetween(1, Snippet.BEFORE);
    }

    @Test
    void aLongTextWithoutAMatchStartsAtTheBeginning() {
        String snippet = Snippet.around(LONG, List.of("telecar"));

        assertThat(snippet).startsWith("The London Centre of Excellence").endsWith("…");
    }

    @Test
    void aMatchNearTheEndStillFillsTheSnippet() {
        String snippet = Snippet.around(LONG, List.of("kit"));

        assertThat(snippet).startsWith("…").endsWith("the same kit.");
        assertThat(snippet.length()).isGreaterThan(Snippet.LENGTH - 20);
    }
}
