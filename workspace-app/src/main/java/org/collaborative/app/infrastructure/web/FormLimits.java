package org.collaborative.app.infrastructure.web;

import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * The longest a form's field may be, as its record declares it ({@code @Size(max = ...)}, which names the aggregate's
 * own limit), for the GOV.UK character count the page shows before the form is sent: templates ask
 * {@code ${@limits.max(form, 'title')}}. The page and the validation cannot then disagree.
 */
@Component("limits")
public class FormLimits {

    /** The field's maximum length, or null when it has none (then the page shows no count). */
    public Integer max(Object form, String field) {
        if (form == null || !form.getClass().isRecord()) {
            return null;
        }
        return Arrays.stream(form.getClass().getRecordComponents())
                .filter(component -> component.getName().equals(field))
                .findFirst()
                .map(RecordComponent::getAccessor)
                .map(accessor -> accessor.getAnnotation(Size.class))
                .filter(size -> size.max() < Integer.MAX_VALUE)
                .map(Size::max)
                .orElse(null);
    }
}
