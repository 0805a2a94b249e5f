package org.collaborative.app.infrastructure.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the JSON API says no: an RFC 9457 problem detail ({@code application/problem+json}) whose {@code type} names the
 * kind of problem and whose {@code detail} is the same sentence the pages show. A refused command is answered by its
 * {@link Refusal} (400 invalid input, 422 broken rule, 429 too many posts with {@code Retry-After}, 409 conflict), as
 * the pages show the same refusal in their error summary. Invalid input lists each field.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    public static final String TYPE_BASE = "https://collaborative.london/problems/";

    @ExceptionHandler({RuleBrokenException.class, ConcurrencyException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException failure) {
        return Refusal.of(failure).orElseThrow(() -> failure).problem();
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException invalid) {
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "Invalid input",
                errors.isEmpty() ? "The request is not valid" : errors.get(0).get("message"));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A body that is not JSON, or names a value the operation does not know (an unknown evidence kind, say). */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException unreadable) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "Invalid input",
                "The request body is not valid JSON for this operation, or holds a value it does not accept");
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException missing) {
        return problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Not found",
                missing instanceof NotFoundException ? missing.getMessage() : "No such item");
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
