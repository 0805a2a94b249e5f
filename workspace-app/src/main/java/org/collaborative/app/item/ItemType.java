package org.collaborative.app.item;

/** The kinds of item people post in a group; the names are those used in URLs, views and search filters. */
public enum ItemType {
    QUESTION("question", "Question"),
    EVIDENCE("evidence", "Evidence"),
    PROPOSAL("proposal", "Proposal");

    private final String key;
    private final String label;

    ItemType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static ItemType fromKey(String key) {
        for (ItemType type : values()) {
            if (type.key.equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("No item type " + key);
    }
}
