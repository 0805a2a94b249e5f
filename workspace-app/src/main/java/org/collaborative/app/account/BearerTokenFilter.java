package org.collaborative.app.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.collaborative.app.account.token.AccessTokens;
import org.collaborative.app.member.Accounts;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's bearer tokens: a request with {@code Authorization: Bearer <token>} is made as the member whose personal
 * access token it is, for this request only (nothing goes into a session). An unknown, revoked or expired token, or
 * one whose member's account has gone, is answered 401 at once: the request never falls back to a session cookie it
 * may also carry.
 *
 * <p>Such requests need no CSRF token ({@link #BEARER}): a browser never adds an {@code Authorization} header to a
 * cross-site request on its own, so a forged request cannot carry one.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Requests that present a bearer token. */
    static final RequestMatcher BEARER = request -> bearer(request).isPresent();

    private final AccessTokens tokens;
    private final Accounts accounts;
    private final AuthenticationEntryPoint invalidToken;

    BearerTokenFilter(AccessTokens tokens, Accounts accounts, AuthenticationEntryPoint invalidToken) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.invalidToken = invalidToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = bearer(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<WorkspaceUser> user = tokens.memberFor(presented.get())
                .map(memberId -> accounts.byMemberId(Set.of(memberId)).get(memberId))
                .map(WorkspaceUser::new);
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            invalidToken.commence(
                    request,
                    response,
                    new InsufficientAuthenticationException("The access token is unknown, revoked or expired"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }
}
