package org.collaborative.app.item;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void plainTextHasTheWordsWithoutTheMarks() {
        assertThat(markdown.text("Run the e-auction room for **every** London council, _not_ just ten."))
                .isEqualTo("Run the e-auction room for every London council, not just ten.");
        assertThat(markdown.text("Read [the evaluation](https://example.org/e-auction) and `Annex 2`"))
                .isEqualTo("Read the evaluation and Annex 2");
        assertThat(markdown.text("See https://example.org/jobs")).isEqualTo("See https://example.org/jobs");
        assertThat(markdown.text("")).isEmpty();
        assertThat(markdown.text(null)).isEmpty();
    }

    @Test
    void blocksStillReadApartOnceTheirLinesAreJoined() {
        String text = markdown.text("## Savings\n\nWith London Councils holding the framework:\n\n"
                + "- one specification for laptops\n- quarterly auctions\n- savings reported as cashable\n\n"
                + "> Worth it.\n\nLine one  \nline two");

        assertThat(text.replaceAll("\\s+", " "))
                .isEqualTo("Savings. With London Councils holding the framework: "
                        + "one specification for laptops; quarterly auctions; savings reported as cashable. Worth it. "
                        + "Line one line two");
    }

    @Test
    void rawHtmlStaysTextAsThePageShowsIt() {
        assertThat(markdown.text("a <b>bold</b> claim")).isEqualTo("a <b>bold</b> claim");
    }
}
