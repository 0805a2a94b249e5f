package org.collaborative.app.item.web;

import java.util.Map;
import org.collaborative.app.InvalidInputException;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.infrastructure.web.ErrorSummary;
import org.springframework.ui.Model;

/** What the forms that create an item share: showing a refusal on the field it concerns. */
public final class NewItemForms {

    private NewItemForms() {}

    /** Puts the error summary and the field's message on the model; a broken rule links to {@code firstField}. */
    public static void refused(Model model, RuleBrokenException refused, String firstField) {
        String field = refused instanceof InvalidInputException invalid ? invalid.field() : firstField;
        model.addAttribute("errorSummary", ErrorSummary.of(field, refused.getMessage()));
        model.addAttribute("fieldErrors", Map.of(field, refused.getMessage()));
    }
}
