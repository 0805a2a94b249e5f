package org.collaborative.app.web.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.search.SearchKind;

/**
 * How each kind of search result reads and where it leads, on the page and in the API. The switches have no default,
 * so a new {@link SearchKind} (a practice, a retreat) does not compile until it has its words and its link here.
 */
final class Kinds {

    /** The keys the type filter accepts, in the order the page offers them. */
    static final List<String> KEYS =
            Arrays.stream(SearchKind.values()).map(SearchKind::key).toList();

    private Kinds() {}

    /** The tag on a result. */
    static String label(SearchKind kind) {
        return switch (kind) {
            case QUESTION -> "Question";
            case EVIDENCE -> "Evidence";
            case PROPOSAL -> "Proposal";
            case COMMENT -> "Comment";
            case GROUP -> "Working group";
        };
    }

    /** The type filter's options: key to what the page calls all of that kind. */
    static Map<String, String> filterOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (SearchKind kind : SearchKind.values()) {
            options.put(
                    kind.key(),
                    switch (kind) {
                        case QUESTION -> "Questions";
                        case EVIDENCE -> "Evidence";
                        case PROPOSAL -> "Proposals";
                        case COMMENT -> "Comments";
                        case GROUP -> "Working groups";
                    });
        }
        return options;
    }

    /** Where a result leads: its item, the comments on the item, or the group. */
    static String path(SearchKind kind, SearchEntry entry) {
        return switch (kind) {
            case QUESTION, EVIDENCE, PROPOSAL -> "/items/" + entry.itemId();
            case COMMENT -> "/items/" + entry.itemId() + "#comments";
            case GROUP -> "/groups/" + entry.itemId();
        };
    }
}
