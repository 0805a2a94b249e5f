package org.collaborative.app.infrastructure.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * How a page's form ends when something is wrong with it (docs/adr/0005): the whole form is validated (Bean
 * Validation on its record) before any command is sent, a refusal of the command joins those errors
 * ({@link Refusal#rejectOn}), and the page shows them all at once: the GOV.UK error summary ({@code errorSummary}),
 * one line per field in the order the form declares them, and each field's own message ({@code fieldErrors}, by the
 * field's id on the page).
 *
 * <p>A form that creates something carries the id it will be created under, minted when the form was shown
 * ({@link #newId}), so that sending it twice creates it once ({@link Commands#attemptOnce}).
 */
public final class Forms {

    /** What a minted id may look like: a UUID as {@link #newId} makes it, or another short plain identifier. */
    private static final Pattern ID_TEXT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private Forms() {}

    /** An id for a form that creates something, minted when the form is shown (a hidden field). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The id the form was shown with, or a fresh one when it carries none that could be one (a page from before the
     * form had one, or a tampered field): then the form creates something new, as it would have anyway.
     */
    public static String mintedId(String posted) {
        return posted != null && ID_TEXT.matcher(posted).matches() ? posted : newId();
    }

    /**
     * Puts every error of the form (the record {@code form}, as bound) on the model: the summary, linking to each field (a problem with the form as a
     * whole links to {@code firstField}), and each field's first message.
     */
    public static void showErrors(Model model, BindingResult errors, Object form, String firstField) {
        showErrors(model, errors, form, firstField, "");
    }

    /**
     * As {@link #showErrors(Model, BindingResult, Object, String)}, for a form whose fields have ids on the page that start
     * with {@code idPrefix} (several forms on one page, such as an item's).
     */
    public static void showErrors(Model model, BindingResult errors, Object form, String firstField, String idPrefix) {
        model.addAttribute("errorSummary", ErrorSummary.of(errors, form, idPrefix + firstField, idPrefix));
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        ErrorSummary.fieldErrorsInOrder(errors, form)
                .forEach(error ->
                        fieldErrors.putIfAbsent(idPrefix + error.getField(), ErrorSummary.message(error, form)));
        model.addAttribute("fieldErrors", fieldErrors);
    }

    /** Makes sure a form page has its (empty) errors, for a form shown for the first time. */
    public static void noErrors(Model model) {
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        if (!model.containsAttribute("errorSummary")) {
            model.addAttribute("errorSummary", java.util.List.of());
        }
    }
}
