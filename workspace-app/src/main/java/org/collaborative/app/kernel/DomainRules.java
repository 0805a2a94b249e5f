package org.collaborative.app.kernel;

/** Checks shared by every aggregate: a rule broken is an {@link InvalidInputException} naming the field. */
public final class DomainRules {

    private DomainRules() {}

    public static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Enter " + withArticle(field));
        }
        optionalText(field, value, maxLength);
    }

    public static void optionalText(String field, String value, int maxLength) {
        if (value != null && value.strip().length() > maxLength) {
            throw new InvalidInputException(
                    field, capitalised(field) + " must be " + maxLength + " characters or fewer");
        }
    }

    /**
     * A one-line text people read (a title) holds no control characters: no line break, no NUL (which PostgreSQL text,
     * where some titles are also kept, cannot hold at all: found by the request fuzzer, a theme titled with one was a
     * 500).
     */
    public static void singleLine(String field, String value) {
        if (value != null && value.strip().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    field, capitalised(field) + " must not include control characters such as line breaks");
        }
    }

    public static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, "Choose " + withArticle(field));
        }
    }

    private static String withArticle(String field) {
        return (field.matches("^[aeiou].*") ? "an " : "a ") + field;
    }

    private static String capitalised(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
