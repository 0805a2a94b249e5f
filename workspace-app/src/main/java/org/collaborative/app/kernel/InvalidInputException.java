package org.collaborative.app.kernel;

/** A command carried a value that breaks a rule about its shape (missing, too long). */
public class InvalidInputException extends RuleBrokenException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
