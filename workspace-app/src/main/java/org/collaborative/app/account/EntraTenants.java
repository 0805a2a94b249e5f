package org.collaborative.app.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The Microsoft Entra tenants allowed to sign in, each mapped to the organisation (council) it belongs to, and the
 * check of each ID token against them.
 *
 * <p>A multi-tenant application receives ID tokens from every Entra tenant, each signed with Microsoft's common keys.
 * There is no single issuer to compare with: each tenant issues as {@code https://login.microsoftonline.com/{tid}/v2.0}.
 * So an ID token is accepted only when its {@code tid} claim is a tenant on the allowlist and its {@code iss} claim is
 * exactly that tenant's issuer. Audience, expiry and the rest are checked by Spring Security's
 * {@link OidcIdTokenValidator} (with no fixed issuer); the nonce by the login flow.
 */
final class EntraTenants implements OAuth2TokenValidator<Jwt> {

    static final String ISSUER = "https://login.microsoftonline.com/%s/v2.0";
    private static final Pattern TENANT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Map<String, String> organisationByTenant;

    private EntraTenants(Map<String, String> organisationByTenant) {
        this.organisationByTenant = Map.copyOf(organisationByTenant);
    }

    /** Reads the allowlist: entries {@code <tenant id>=<organisation id>}; a malformed entry stops the application. */
    static EntraTenants parse(List<String> entries) {
        Map<String, String> tenants = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split("=", 2);
            String tenantId = parts[0].strip().toLowerCase(Locale.ROOT);
            if (parts.length != 2 || !TENANT_ID.matcher(tenantId).matches() || parts[1].isBlank()) {
                throw new IllegalArgumentException("An Entra tenant must be given as <tenant id (a GUID)>=<organisation"
                        + " id>, not \"" + entry + "\"");
            }
            if (tenants.putIfAbsent(tenantId, parts[1].strip()) != null) {
                throw new IllegalArgumentException("The Entra tenant " + tenantId + " is listed twice");
            }
        }
        return new EntraTenants(tenants);
    }

    /** The organisation a tenant belongs to, if it is on the allowlist. */
    Optional<String> organisationFor(String tenantId) {
        return tenantId == null
                ? Optional.empty()
                : Optional.ofNullable(organisationByTenant.get(tenantId.toLowerCase(Locale.ROOT)));
    }

    boolean isEmpty() {
        return organisationByTenant.isEmpty();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String tenantId = token.getClaimAsString("tid");
        if (organisationFor(tenantId).isEmpty()) {
            return OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_tenant", "The Entra tenant " + tenantId + " may not sign in", null));
        }
        String issuer = token.getClaimAsString("iss");
        if (!ISSUER.formatted(tenantId).equals(issuer)) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                    "invalid_issuer", "The ID token of tenant " + tenantId + " was issued by " + issuer, null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** Everything an Entra ID token must pass: times, Spring Security's OpenID checks, then the tenant and issuer. */
    OAuth2TokenValidator<Jwt> idTokenValidator(ClientRegistration registration) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(), new OidcIdTokenValidator(registration), this);
    }
}
