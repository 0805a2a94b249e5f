package org.collaborative.app.infrastructure.web;

import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The GOV.UK error summary of a form: one line per problem, each linking to the field to fix (a problem with the form
 * as a whole links to its first field), in the order the fields come on the form. Pages put it on the model as
 * {@code errorSummary}; the layout's title then starts with "Error:".
 */
public final class ErrorSummary {

    /** What a person is told when someone else changed the same thing at the same moment, after retries. */
    public static final String CONFLICT =
            "Someone else changed this at the same moment, so your change was not saved. Try again.";

    /** One problem: the text to show and the anchor of the field it concerns. */
    public record Item(String href, String text) {}

    private ErrorSummary() {}

    public static List<Item> of(BindingResult errors, String firstField) {
        return of(errors, errors.getTarget(), firstField, "");
    }

    /**
     * The summary of {@code form}, whose fields' ids on the page start with {@code idPrefix}. (A form that could not
     * be read in full, such as an unknown choice, is not the binding result's target: it is given here.)
     */
    static List<Item> of(BindingResult errors, Object form, String firstField, String idPrefix) {
        List<Item> items = new ArrayList<>();
        for (ObjectError error : errors.getGlobalErrors()) {
            items.add(new Item("#" + firstField, error.getDefaultMessage()));
        }
        for (FieldError error : fieldErrorsInOrder(errors, form)) {
            String href = "#" + idPrefix + error.getField();
            if (items.stream().noneMatch(item -> item.href().equals(href))) {
                items.add(new Item(href, message(error, form)));
            }
        }
        return items;
    }

    public static List<Item> of(String anchor, String message) {
        return List.of(new Item("#" + anchor, message));
    }

    /**
     * The field errors in the order the form declares its fields (a form is a record; Bean Validation reports its
     * violations in no particular order), and for one field in the order they were found, a value that could not be
     * read at all (a number that is not one, an unknown choice) last: the field's own rule (such as "Choose ...")
     * says better what to do.
     */
    static List<FieldError> fieldErrorsInOrder(BindingResult errors, Object form) {
        List<String> order = form != null && form.getClass().isRecord()
                ? Arrays.stream(form.getClass().getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList()
                : List.of();
        return errors.getFieldErrors().stream()
                .sorted(Comparator.<FieldError>comparingInt(error -> {
                            int at = order.indexOf(error.getField());
                            return at < 0 ? order.size() : at;
                        })
                        .thenComparing(FieldError::isBindingFailure))
                .toList();
    }

    /**
     * What a field error tells the person. A value that could not be read (an unknown choice, a number that is not one:
     * only a changed page sends one) is no value: the message of the field's {@code @NotNull} says what to do, rather
     * than Java's complaint.
     */
    static String message(FieldError error, Object form) {
        if (!error.isBindingFailure()) {
            return error.getDefaultMessage();
        }
        return form == null || !form.getClass().isRecord()
                ? CHECK
                : Arrays.stream(form.getClass().getRecordComponents())
                        .filter(component -> component.getName().equals(error.getField()))
                        .map(component -> component.getAccessor().getAnnotation(NotNull.class))
                        .filter(java.util.Objects::nonNull)
                        .map(NotNull::message)
                        .findFirst()
                        .orElse(CHECK);
    }

    private static final String CHECK = "Check what you entered here";
}
