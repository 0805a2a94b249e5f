package org.collaborative.app.infrastructure.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The GOV.UK error summary of a form: one line per problem, each linking to the field to fix (a problem with the form
 * as a whole links to its first field). Pages put it on the model as {@code errorSummary}; the layout's title then
 * starts with "Error:".
 */
public final class ErrorSummary {

    /** What a person is told when someone else changed the same thing at the same moment, after retries. */
    public static final String CONFLICT =
            "Someone else changed this at the same moment, so your change was not saved. Try again.";

    /** One problem: the text to show and the anchor of the field it concerns. */
    public record Item(String href, String text) {}

    private ErrorSummary() {}

    public static List<Item> of(BindingResult errors, String firstField) {
        List<Item> items = new ArrayList<>();
        for (ObjectError error : errors.getGlobalErrors()) {
            items.add(new Item("#" + firstField, error.getDefaultMessage()));
        }
        for (FieldError error : errors.getFieldErrors()) {
            if (items.stream().noneMatch(item -> item.href().equals("#" + error.getField()))) {
                items.add(new Item("#" + error.getField(), error.getDefaultMessage()));
            }
        }
        return items;
    }

    public static List<Item> of(String anchor, String message) {
        return List.of(new Item("#" + anchor, message));
    }
}
