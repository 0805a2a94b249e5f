package org.collaborative.views.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One searchable thing ({@code search-index} collection): a working group, a question (with its answers), a piece of
 * evidence, a proposal or a comment. {@code terms} holds the distinct search terms of its title and text, made by
 * {@link SearchText} (MongoDB finds candidates by them), {@code titleTerms} and {@code textTerms} the terms in order
 * (for phrases and ranking). The workspace filters by {@code groupId} so that nobody finds what they may not see.
 *
 * @param type the {@link SearchKind#key() kind}
 * @param itemId what to open: the entry's own id, or for a comment the item it is on
 * @param groupId the group it is in; a group's own id for a group, so that it is seen by the group's own rule
 * @param text the text as written (Markdown), of the parts that are shown; shown only as plain text
 * @param level for evidence, its level on Nesta's Standards of Evidence (1 to 5); otherwise {@code null}
 */
public record SearchEntry(
        @Id String id,
        String type,
        String itemId,
        String groupId,
        String themeId,
        String organisationId,
        String title,
        String text,
        List<Part> parts,
        List<String> terms,
        List<String> titleTerms,
        List<String> textTerms,
        Instant at,
        Integer level,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<SearchEntry> {

    public static final String COLLECTION = "search-index";

    /**
     * A piece of the text: the body, or one answer (keyed so that answers stay in time order).
     *
     * @param hidden true while a facilitator has the answer hidden: it is kept here (to come back when restored) but is
     *     not in {@code text} nor in the terms; null or false otherwise
     */
    public record Part(String key, String text, Boolean hidden) {

        public static Part of(String key, String text) {
            return new Part(key, text, null);
        }

        public boolean shown() {
            return !Boolean.TRUE.equals(hidden);
        }

        public Part withHidden(boolean hidden) {
            return new Part(key, text, hidden ? Boolean.TRUE : null);
        }
    }
}
