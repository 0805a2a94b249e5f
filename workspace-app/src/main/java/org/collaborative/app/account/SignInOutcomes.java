package org.collaborative.app.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * What follows a password sign-in: a failure is counted against the email address typed and the client's address
 * ({@link SignInThrottle}) and the page says only that the email address or password is wrong; a success clears the
 * email address's count and goes on to the page asked for (or the themes).
 */
final class SignInOutcomes {

    private SignInOutcomes() {}

    static AuthenticationFailureHandler failure(SignInThrottle throttle) {
        SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
        // Only after the right password for a registration still waiting for approval (docs/adr/0025).
        SimpleUrlAuthenticationFailureHandler waiting =
                new SimpleUrlAuthenticationFailureHandler("/sign-in?awaiting-approval");
        return new AuthenticationFailureHandler() {
            @Override
            public void onAuthenticationFailure(
                    HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
                    throws IOException, ServletException {
                if (failure instanceof CredentialsExpiredException) {
                    waiting.onAuthenticationFailure(request, response, failure);
                    return;
                }
                throttle.failed(request.getParameter("email"), request.getRemoteAddr());
                redirect.onAuthenticationFailure(request, response, failure);
            }
        };
    }

    static AuthenticationSuccessHandler success(SignInThrottle throttle) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, ServletException {
                throttle.succeeded(request.getParameter("email"));
                next.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }
}
