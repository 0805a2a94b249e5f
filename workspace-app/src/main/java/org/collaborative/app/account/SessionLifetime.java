package org.collaborative.app.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.session.InvalidSessionStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The end of a session. The absolute time-out: a session ends a fixed time after its owner signed in, however busy they
 * have been; the moment of signing in is kept in the session, so every instance enforces the same end. The idle
 * time-out is the session's own maximum inactive interval, kept by Spring Session in PostgreSQL: a request whose
 * session cookie names a session that no longer exists is one that idled out (or was signed out on another tab).
 *
 * <p>This runs before the CSRF check, so a form posted after its session ended (taking its CSRF token with it) is
 * explained too, not refused with a bare 403. It runs once per request, never again on the error page's dispatch.
 *
 * <p>On a page, an ended session sends the person to the sign-in page, which says why ({@link #timedOut}); htmx
 * requests get an {@code HX-Redirect} there instead of a sign-in page swapped into a fragment. On the API the request
 * simply goes on unauthenticated, and is answered 401.
 */
class SessionLifetime extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionLifetime.class.getName() + ".SIGNED_IN_AT";

    private final Clock clock;
    private final Duration absoluteTimeout;
    private final boolean pages;

    SessionLifetime(Clock clock, Duration absoluteTimeout, boolean pages) {
        this.clock = clock;
        this.absoluteTimeout = absoluteTimeout;
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (pages && session == null && request.getRequestedSessionId() != null) {
            // The browser sent the cookie of a session that no longer exists: it idled out (or was signed out
            // elsewhere).
            timedOut("idle").onInvalidSessionDetected(request, response);
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (session == null
                || signedIn == null
                || !signedIn.isAuthenticated()
                || signedIn instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Object at = session.getAttribute(SIGNED_IN_AT);
        if (!(at instanceof Instant signedInAt)) {
            session.setAttribute(SIGNED_IN_AT, now);
            chain.doFilter(request, response);
            return;
        }
        if (signedInAt.plus(absoluteTimeout).isAfter(now)) {
            chain.doFilter(request, response);
            return;
        }
        session.invalidate();
        SecurityContextHolder.clearContext();
        if (pages) {
            timedOut("absolute").onInvalidSessionDetected(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * Where a page request with an ended session goes: the sign-in page, which says the person was signed out. A new
     * (empty) session is started first, so the browser stops sending the old cookie. {@code why} is {@code idle} or
     * {@code absolute}.
     */
    static InvalidSessionStrategy timedOut(String why) {
        return (request, response) -> {
            request.getSession(true);
            String target = request.getContextPath() + "/sign-in?timed-out=" + why;
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_OK);
            } else {
                response.sendRedirect(target);
            }
        };
    }
}
