package org.collaborative.app.account;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.collaborative.app.member.Accounts.Account;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who an OpenID Connect sign-in is: the member whose account has the email address in the ID token. Anyone else is
 * refused, with an error code that the sign-in page turns into an explanation.
 *
 * <p>With a generic provider the email address must be verified ({@code email_verified}). With Microsoft Entra ID the
 * address comes from {@code email} (or else {@code preferred_username}), which a tenant's administrators can set to
 * anything; so the member's account must also belong to the organisation that the token's tenant is mapped to. A
 * tenant can therefore only ever sign in its own council's members.
 */
final class OidcMembers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_EMAIL = "no_email";
    static final String UNVERIFIED_EMAIL = "unverified_email";
    static final String NO_MEMBER = "no_member";
    static final String INVALID_TENANT = "invalid_tenant";

    private final Function<String, Optional<Account>> accountsByEmail;
    private final EntraTenants tenants;
    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;

    /** {@code tenants} is null for a generic provider. */
    OidcMembers(Function<String, Optional<Account>> accountsByEmail, EntraTenants tenants) {
        this(accountsByEmail, tenants, new OidcUserService());
    }

    OidcMembers(
            Function<String, Optional<Account>> accountsByEmail,
            EntraTenants tenants,
            OAuth2UserService<OidcUserRequest, OidcUser> provider) {
        this.accountsByEmail = accountsByEmail;
        this.tenants = tenants;
        this.provider = provider;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        return new OidcWorkspaceUser(match(signedIn.getClaims()), signedIn.getIdToken(), signedIn.getUserInfo());
    }

    /** The member an ID token's claims name, or an {@link OAuth2AuthenticationException} saying why there is none. */
    Account match(Map<String, Object> claims) {
        String email = claim(claims, "email");
        if (tenants != null) {
            String organisation = tenants.organisationFor(claim(claims, "tid"))
                    .orElseThrow(() -> refused(INVALID_TENANT, "The tenant may not sign in"));
            if (email == null) {
                email = claim(claims, "preferred_username");
            }
            if (email == null || !email.contains("@")) {
                throw refused(NO_EMAIL, "The ID token has no email address");
            }
            Account account = accountsByEmail.apply(email).orElseThrow(() -> refused(NO_MEMBER, "No such member"));
            if (!account.organisationId().equals(organisation)) {
                throw refused(NO_MEMBER, "The member belongs to another organisation than the tenant");
            }
            return account;
        }
        if (email == null || !email.contains("@")) {
            throw refused(NO_EMAIL, "The ID token has no email address");
        }
        if (!Boolean.TRUE.equals(claims.get("email_verified"))
                && !"true".equals(String.valueOf(claims.get("email_verified")))) {
            throw refused(UNVERIFIED_EMAIL, "The email address is not verified");
        }
        return accountsByEmail.apply(email).orElseThrow(() -> refused(NO_MEMBER, "No such member"));
    }

    private static String claim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
