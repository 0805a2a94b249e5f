package org.collaborative.app.search;

import java.util.Collection;
import org.collaborative.views.search.SearchText;

/** A short passage of a result's plain text, around the first word that matches the query. */
public final class Snippet {

    /** At most this many characters of text, besides the ellipses. */
    static final int LENGTH = 200;
    /** How much text comes before the first match, so that it is read in context. */
    static final int BEFORE = 60;

    private Snippet() {}

    /**
     * The text on one line if it is short; otherwise about {@link #LENGTH} characters starting a little before the
     * first word whose search term is one of {@code terms} (or from the start, when no word matches), cut at whole
     * words, with "…" where text was left out.
     *
     * @param text plain text, never Markdown (see {@code Markdown.text})
     * @param terms the query's analysed terms (see {@link Search#parse})
     */
    public static String around(String text, Collection<String> terms) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= LENGTH) {
            return flat;
        }
        int match = SearchText.tokens(flat).stream()
                .filter(token -> terms.contains(token.term()))
                .mapToInt(SearchText.Token::start)
                .findFirst()
                .orElse(0);
        int start = Math.max(0, Math.min(match - BEFORE, flat.length() - LENGTH));
        if (start > 0 && flat.charAt(start - 1) != ' ') {
            int space = flat.indexOf(' ', start);
            start = space < 0 || space >= match ? match : space + 1;
        }
        int end = Math.min(flat.length(), start + LENGTH);
        if (end < flat.length() && flat.charAt(end) != ' ') {
            int space = flat.lastIndexOf(' ', end);
            if (space > start) {
                end = space;
            }
        }
        return (start > 0 ? "…" : "") + flat.substring(start, end).strip() + (end < flat.length() ? "…" : "");
    }
}
