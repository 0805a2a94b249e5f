package org.collaborative.views.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into search terms: Lucene's English analysis (standard tokenizer, lower case, English stop words, Porter
 * stemming), so "auctions" and "auctioned" find "auction". The one analyser of the system: the projections make the
 * {@code search-index} terms with it and the workspace analyses queries with it, so the two cannot disagree
 * (docs/adr/0008-search.md). Changing it means rebuilding {@code search-index}.
 */
public final class SearchText {

    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    private SearchText() {}

    /** The text's terms in order, repeats kept (for phrases and term frequency). */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream tokens = ENGLISH.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
