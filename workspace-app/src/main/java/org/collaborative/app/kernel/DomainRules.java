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
