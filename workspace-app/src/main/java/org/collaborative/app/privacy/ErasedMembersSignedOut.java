package org.collaborative.app.privacy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.StaticFiles;
import org.collaborative.app.member.Accounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A member erased while signed in is signed out at their next request: their session is ended (with the name it
 * held) and nothing more is done in their name. Runs after Spring Security has restored the signed-in member; costs
 * one primary-key lookup per signed-in request.
 */
@Component
class ErasedMembersSignedOut extends OncePerRequestFilter {

    private final Accounts accounts;

    ErasedMembersSignedOut(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return StaticFiles.requested(request) || request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null
                && signedIn.getPrincipal() instanceof WorkspaceUser user
                && !accounts.exists(user.memberId())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (request.getRequestURI().startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect("/sign-in");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
