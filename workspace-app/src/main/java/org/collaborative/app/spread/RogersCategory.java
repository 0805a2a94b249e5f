package org.collaborative.app.spread;

/**
 * Rogers' adopter categories, each the share of the eventual adopters it holds: innovators the first 2.5%, early
 * adopters the next 13.5%, early majority 34%, late majority 34%, laggards the last 16%.
 *
 * <p>"Eventual adopters" are those so far, as of the date asked about. An adopter's place is its rank by the day it
 * first reached an adopting stage; it takes the category in which its place <em>begins</em>: the adopter ranked
 * {@code r} of {@code n} starts at the share {@code (r - 1) / n}, so the first adopter is always an innovator. Tied
 * adopters (the same first day) share the rank of the first of them, and so the same category.
 */
public enum RogersCategory {
    INNOVATORS("Innovators", 0.025),
    EARLY_ADOPTERS("Early adopters", 0.16),
    EARLY_MAJORITY("Early majority", 0.50),
    LATE_MAJORITY("Late majority", 0.84),
    LAGGARDS("Laggards", 1.0);

    private final String label;
    /** The cumulative share at which this category ends. */
    private final double endsAt;

    RogersCategory(String label, double endsAt) {
        this.label = label;
        this.endsAt = endsAt;
    }

    public String label() {
        return label;
    }

    /**
     * The category of the adopter ranked {@code rank} (from 1) of {@code adopters}: the first whose end lies beyond
     * the share before this adopter, {@code (rank - 1) / adopters}. Exact integer arithmetic (shares in thousandths),
     * so 1 of 40 (2.5%) is an innovator and 2 of 40 is not.
     */
    public static RogersCategory of(int rank, int adopters) {
        if (rank < 1 || rank > adopters) {
            throw new IllegalArgumentException("Rank " + rank + " of " + adopters);
        }
        long before = (rank - 1) * 1000L;
        for (RogersCategory category : values()) {
            long end = Math.round(category.endsAt * 1000) * adopters;
            if (before < end) {
                return category;
            }
        }
        return LAGGARDS;
    }
}
