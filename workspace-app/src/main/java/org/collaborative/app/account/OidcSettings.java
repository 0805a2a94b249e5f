package org.collaborative.app.account;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with OpenID Connect ({@code collaborative.security.oidc.*}), off unless {@code enabled}.
 *
 * @param provider {@code generic} (any OpenID provider, found from its {@code issuerUri}) or {@code entra}
 *     (Microsoft Entra ID, multi-tenant: only the tenants listed in {@code entra.tenants} may sign in)
 * @param buttonText the sign-in page's button
 */
@ConfigurationProperties("collaborative.security.oidc")
record OidcSettings(
        boolean enabled,
        @DefaultValue("generic") String provider,
        String clientId,
        String clientSecret,
        String issuerUri,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,

        @DefaultValue("Sign in with your organisation's account")
        String buttonText,

        @DefaultValue Entra entra) {

    /**
     * Microsoft Entra ID.
     *
     * @param authority the tenant segment of the endpoints: {@code organizations} (any work or school account, then
     *     checked against {@code tenants}) unless one tenant only is wanted
     * @param tenants the allowlist, each entry {@code <tenant id>=<organisation id>}
     */
    record Entra(
            @DefaultValue("organizations") String authority,
            @DefaultValue({}) List<String> tenants) {}

    boolean entraProvider() {
        return "entra".equalsIgnoreCase(provider);
    }

    /** The id in the sign-in URLs: {@code /oauth2/authorization/{id}} and {@code /login/oauth2/code/{id}}. */
    String registrationId() {
        return entraProvider() ? "entra" : "oidc";
    }
}
