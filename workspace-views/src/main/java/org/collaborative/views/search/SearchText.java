package org.collaborative.views.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into search terms: Lucene's English analysis (standard tokenizer, lower case, English stop words, Porter
 * stemming), so "auctions" and "auctioned" find "auction". The one analyser of the system: the projections make the
 * {@code search-index} terms with it and the workspace analyses queries with it, so the two cannot disagree
 * (docs/adr/0008-search.md). Changing it means rebuilding {@code search-index}.
 */
public final class SearchText {

    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    private SearchText() {}

    /** One term of a text and where in the text its word stands ({@code start} inclusive, {@code end} exclusive). */
    public record Token(String term, int start, int end) {}

    /** The text's terms in order, repeats kept (for phrases and term frequency). */
    public static List<String> terms(String text) {
        return tokens(text).stream().map(Token::term).toList();
    }

    /** The text's terms in order with the place of each in the text (to show a snippet around a match). */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = ENGLISH.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
