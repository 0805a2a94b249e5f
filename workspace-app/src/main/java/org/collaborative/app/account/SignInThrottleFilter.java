package org.collaborative.app.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the password check of {@code POST /sign-in}: while the email address typed or the client's address
 * must wait (see {@link SignInThrottle}), the attempt is refused without looking at the password, and the sign-in page
 * says how many minutes to wait. The answer is the same whether or not an account has that email address.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/sign-in".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = throttle.waitBefore(request.getParameter("email"), request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        response.sendRedirect(request.getContextPath() + "/sign-in?throttled=" + minutes);
    }
}
