package org.collaborative.app.account;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * OpenID Connect sign-in on the pages' filter chain. The authorization request carries a nonce (Spring Security adds
 * one whenever the {@code openid} scope is asked for, and checks it in the ID token) and a PKCE challenge (S256); both,
 * and the state, wait in the HTTP session, which lives in PostgreSQL, so the provider may send the person back to any
 * instance. A refused sign-in returns to {@code /sign-in?refused=<reason>}, which explains it; a member waiting for
 * approval to {@code /sign-in?awaiting-approval}, as after a password sign-in.
 */
public final class OidcLogin {

    private static final Logger LOG = LoggerFactory.getLogger(OidcLogin.class);

    private final OidcSettings settings;
    private final ClientRegistrationRepository registrations;
    private final OidcMembers members;

    OidcLogin(OidcSettings settings, ClientRegistrationRepository registrations, OidcMembers members) {
        this.settings = settings;
        this.registrations = registrations;
        this.members = members;
    }

    /** Where the sign-in page's button goes. */
    public String startUrl() {
        return OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/"
                + settings.registrationId();
    }

    public String buttonText() {
        return settings.buttonText();
    }

    void configure(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");
        http.oauth2Login(login -> login.loginPage("/sign-in")
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(members))
                .successHandler(success)
                .failureHandler((request, response, failure) -> {
                    LOG.info("Single sign-on refused: {}", failure.getMessage());
                    String reason = reason(failure);
                    // The same page as a self-registered person waiting for approval gets (docs/adr/0025).
                    response.sendRedirect(request.getContextPath()
                            + (reason.equals("awaiting-approval")
                                    ? "/sign-in?awaiting-approval"
                                    : "/sign-in?refused=" + reason));
                }));
    }

    /** The reason shown for a refused sign-in: one of a few known codes, never text from outside. */
    public static String reason(Exception failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode().toLowerCase(Locale.ROOT);
            String description = String.valueOf(oauth.getError().getDescription());
            if (code.equals(OidcMembers.NO_MEMBER)
                    || code.equals(OidcMembers.NO_NAME)
                    || code.equals(OidcMembers.AWAITING_APPROVAL)
                    || code.equals(OidcMembers.NO_EMAIL)
                    || code.equals(OidcMembers.UNVERIFIED_EMAIL)
                    || code.equals(OidcMembers.INVALID_TENANT)) {
                return code.replace('_', '-');
            }
            if (description.contains("may not sign in")) {
                return "invalid-tenant";
            }
        }
        return "failed";
    }
}
