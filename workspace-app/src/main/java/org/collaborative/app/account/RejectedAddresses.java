package org.collaborative.app.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.collaborative.app.infrastructure.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * An address Spring Security's firewall refuses before any controller sees it ({@code /api/groups/../leave}, a
 * semicolon or a backslash in the path; an encoded slash or NUL Tomcat refuses earlier still, with its own page): 400, as before, but under {@code /api} as the same problem detail as any other
 * refusal, not Spring Boot's error body. Found by the request fuzzer (issue 17): every 4xx under {@code /api} is a
 * problem detail.
 */
final class RejectedAddresses implements RequestRejectedHandler {

    private final JsonMapper json;

    RejectedAddresses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String path = request.getRequestURI() == null ? "" : request.getRequestURI();
        if (!path.startsWith(request.getContextPath() + "/api/")) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ApiProblems.TYPE_BASE + "invalid-address");
        problem.put("title", "Invalid address");
        problem.put("status", HttpStatus.BAD_REQUEST.value());
        problem.put("detail", "The address is not one the API answers: it has a part such as .. in it");
        json.writeValue(response.getOutputStream(), problem);
    }
}
