package org.collaborative.views.search;

/**
 * The kinds of thing search finds, stored by {@link #key()} in {@link SearchEntry#type()}. A new kind (a practice, a
 * retreat) is one constant here, the projector's entries for its events, and the workspace's label and link for it,
 * which the compiler asks for: the workspace switches over these constants without a default.
 */
public enum SearchKind {
    QUESTION("question"),
    EVIDENCE("evidence"),
    PROPOSAL("proposal"),
    COMMENT("comment"),
    GROUP("group");

    private final String key;

    SearchKind(String key) {
        this.key = key;
    }

    /** The name in the stored entries, the search page's type filter and the API. */
    public String key() {
        return key;
    }

    /** The kind with this key, or {@code null} when there is none. */
    public static SearchKind fromKey(String key) {
        for (SearchKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        return null;
    }
}
