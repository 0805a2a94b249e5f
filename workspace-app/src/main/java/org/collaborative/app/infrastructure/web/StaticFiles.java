package org.collaborative.app.infrastructure.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Where the static files are served from: our stylesheet and script, the webjars and GOV.UK Frontend's fonts and
 * images. Each has its own prefix (registered in {@link WebConfiguration}), so the security chains, the session and
 * the flash-attribute lookup can leave them alone without a path-by-path list of their own.
 */
public final class StaticFiles {

    /** Each static prefix, as a path pattern. */
    public static final String[] PATTERNS = {"/css/**", "/js/**", "/webjars/**", "/assets/**"};

    /** The same prefixes as paths start with them ({@code /css/}), derived so the two lists cannot drift apart. */
    private static final List<String> PREFIXES = java.util.Arrays.stream(PATTERNS)
            .map(pattern -> pattern.substring(0, pattern.length() - 2))
            .toList();

    private StaticFiles() {}

    /** Whether the request is for a static file. */
    public static boolean requested(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PREFIXES.stream().anyMatch(path::startsWith);
    }
}
