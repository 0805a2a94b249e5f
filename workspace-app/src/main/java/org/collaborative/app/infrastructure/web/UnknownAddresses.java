package org.collaborative.app.infrastructure.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers (a mistyped link, a file that is not there): the API says so with the same problem
 * detail as any other missing thing; everyone else gets the "Page not found" page, as for a group that does not exist,
 * rather than a JSON body in their browser. So is a command sent to an id that has nothing of its kind.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownAddresses {

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return notFound(request, response, "Nothing is at this address");
    }

    /**
     * A command sent to an id nothing of its kind has (see AnotherKindIsNotFound): "Page not found" for a page (it was
     * a 500, found by the request fuzzer), the not-found problem detail under /api.
     */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchThing(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return notFound(request, response, "No such item");
    }

    private static ResponseEntity<ProblemDetail> notFound(
            HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
        }
        // The error page (templates/error/404.html) for a browser; Spring Boot's error body for other clients.
        response.sendError(HttpStatus.NOT_FOUND.value());
        return null;
    }
}
