package org.collaborative.app.infrastructure.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RetryLaterException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Why a command was not carried out, in the words its sender is shown: invalid input (about one field), a broken
 * rule, too many posts in a short time, or a conflict with someone else's change at the same moment. It is the one
 * place where a command's failure becomes what people see: the GOV.UK error summary of a form ({@link #showOn},
 * {@link #summary}) and the problem detail of the API ({@link #problem}). Any other failure is not a refusal and
 * is left to propagate.
 *
 * @param field the form field it concerns (for invalid input), or null
 * @param retryAfter how long to wait before posting again (for too many posts), or null
 */
public record Refusal(Kind kind, String field, String message, Duration retryAfter) {

    /** The kinds of refusal, each with the status and problem type the API answers with. */
    public enum Kind {
        INVALID_INPUT(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input"),
        RULE_BROKEN(HttpStatus.UNPROCESSABLE_CONTENT, "rule-broken", "Not allowed"),
        TOO_MANY_POSTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-posts", "Too many posts"),
        CONFLICT(HttpStatus.CONFLICT, "conflict", "Changed at the same moment");

        final HttpStatus status;
        final String type;
        final String title;

        Kind(HttpStatus status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    /** The refusal a command's failure stands for, or empty when the failure is not a refusal. */
    public static Optional<Refusal> of(RuntimeException failure) {
        if (failure instanceof InvalidInputException invalid) {
            return Optional.of(new Refusal(Kind.INVALID_INPUT, invalid.field(), invalid.getMessage(), null));
        }
        if (failure instanceof RetryLaterException tooMany) {
            return Optional.of(new Refusal(Kind.TOO_MANY_POSTS, null, tooMany.getMessage(), tooMany.retryAfter()));
        }
        if (failure instanceof RuleBrokenException refused) {
            return Optional.of(new Refusal(Kind.RULE_BROKEN, null, refused.getMessage(), null));
        }
        if (failure instanceof ConcurrencyException) {
            return Optional.of(new Refusal(Kind.CONFLICT, null, ErrorSummary.CONFLICT, null));
        }
        return Optional.empty();
    }

    /** A broken rule the web layer itself finds before any command is sent (a missing choice, an unknown email). */
    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID_INPUT, field, message, null);
    }

    /** The field it concerns, or {@code fallback} when it concerns the form as a whole. */
    public String fieldOr(String fallback) {
        return field == null ? fallback : field;
    }

    /** The error summary with this one problem, linking to {@code anchor}. */
    public List<ErrorSummary.Item> summary(String anchor) {
        return ErrorSummary.of(anchor, message);
    }

    /**
     * Puts the error summary ({@code errorSummary}) and the field's message ({@code fieldErrors}) on a form's model:
     * on the field it concerns, or on {@code firstField} when it concerns the form as a whole.
     */
    public void showOn(Model model, String firstField) {
        String on = fieldOr(firstField);
        model.addAttribute("errorSummary", summary(on));
        model.addAttribute("fieldErrors", Map.of(on, message));
    }

    /**
     * Adds this refusal to a form's errors ({@link Forms}), next to those its validation found: on the form's field it
     * concerns, else on the form as a whole. {@code fields} names the form's field for a command's field where the
     * two differ (a question's {@code details} are the form's {@code body}).
     */
    public void rejectOn(BindingResult errors, Map<String, String> fields) {
        String formField = field == null ? null : fields.getOrDefault(field, field);
        // The form is the binding result's target here: a refusal comes only for a form that was read in full.
        Object form = errors.getTarget();
        boolean onTheForm = formField != null
                && form != null
                && form.getClass().isRecord()
                && java.util.Arrays.stream(form.getClass().getRecordComponents())
                        .anyMatch(component -> component.getName().equals(formField));
        if (onTheForm) {
            errors.rejectValue(formField, kind.type, message);
        } else {
            errors.reject(kind.type, message);
        }
    }

    /** As {@link #rejectOn(BindingResult, Map)}, for a form whose fields are named as the command's. */
    public void rejectOn(BindingResult errors) {
        rejectOn(errors, Map.of());
    }

    /** The API's answer: an RFC 9457 problem detail, with {@code Retry-After} for too many posts. */
    public ResponseEntity<ProblemDetail> problem() {
        ProblemDetail problem = ApiProblems.problem(kind.status, kind.type, kind.title, message);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(kind.status);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        if (retryAfter != null) {
            problem.setProperty("retryAfterSeconds", retryAfter.getSeconds());
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getSeconds()));
        }
        return response.body(problem);
    }
}
