package org.collaborative.app.account;

import java.util.Map;
import org.collaborative.app.support.RunningWorkspace;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * A single sign-on on a running web instance from the moment its ID token has been checked: the claims go to the
 * instance's own {@link OidcMembers}, as Spring Security hands them over after the provider's reply (which a test
 * cannot get from Microsoft). Everything after that is the real stack: commands, events, PostgreSQL.
 */
public final class SingleSignOnOnInstance {

    /** The member signed in, or the reason the sign-in page would be given. */
    public record Outcome(String memberId, String refusal) {}

    private SingleSignOnOnInstance() {}

    public static Outcome signIn(RunningWorkspace workspace, int instance, Map<String, Object> claims) {
        try {
            return new Outcome(
                    workspace.bean(instance, OidcMembers.class).match(claims).memberId(), null);
        } catch (OAuth2AuthenticationException refused) {
            return new Outcome(null, OidcLogin.reason(refused));
        }
    }
}
