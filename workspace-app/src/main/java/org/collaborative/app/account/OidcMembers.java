package org.collaborative.app.account;

import java.util.Map;
import java.util.Optional;
import org.collaborative.app.account.SingleSignOnAccounts.Newcomer;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts.Account;
import org.collaborative.app.member.Member;
import org.collaborative.events.member.SingleSignOnProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who an OpenID Connect sign-in is: the member whose account has the email address in the ID token, or, at a first
 * sign-in, a new member of the organisation the sign-in points to (docs/adr/0025). Anyone else is refused, with an
 * error code that the sign-in page turns into an explanation.
 *
 * <p>With a generic provider the email address must be verified ({@code email_verified}), and a newcomer joins the
 * organisation whose email domain the address is at, as self-registration does; at any other domain they are refused.
 * With Microsoft Entra ID the address comes from {@code email} (or else {@code preferred_username}), which a tenant's
 * administrators can set to anything; so the member's account must also belong to the organisation that the token's
 * tenant is mapped to, and a newcomer joins that organisation, never the one the address's domain might suggest (an
 * address at another organisation's domain is refused). A tenant can therefore only ever sign in, or add, its own
 * council's people.
 *
 * <p>A new member waits for approval, or not, as their organisation chose for self-registration; one who waits is
 * refused with {@link #AWAITING_APPROVAL}, which the sign-in page explains as it does for self-registered people. An
 * invited person who signs in this way before following their emailed link accepts the invitation by doing so.
 */
final class OidcMembers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_EMAIL = "no_email";
    static final String UNVERIFIED_EMAIL = "unverified_email";
    static final String NO_MEMBER = "no_member";
    static final String NO_NAME = "no_name";
    static final String INVALID_TENANT = "invalid_tenant";
    static final String AWAITING_APPROVAL = "awaiting_approval";

    private final SingleSignOnAccounts directory;
    private final EntraTenants tenants;
    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;

    /** {@code tenants} is null for a generic provider. */
    OidcMembers(SingleSignOnAccounts directory, EntraTenants tenants) {
        this(directory, tenants, new OidcUserService());
    }

    OidcMembers(
            SingleSignOnAccounts directory,
            EntraTenants tenants,
            OAuth2UserService<OidcUserRequest, OidcUser> provider) {
        this.directory = directory;
        this.tenants = tenants;
        this.provider = provider;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        return new OidcWorkspaceUser(match(signedIn.getClaims()), signedIn.getIdToken(), signedIn.getUserInfo());
    }

    /**
     * The member an ID token's claims name, made now at their first sign-in where their organisation lets them, or an
     * {@link OAuth2AuthenticationException} saying why they cannot sign in.
     */
    Account match(Map<String, Object> claims) {
        String email = claim(claims, "email");
        if (tenants != null) {
            String tenantId = claim(claims, "tid");
            String organisation = tenants.organisationFor(tenantId)
                    .orElseThrow(() -> refused(INVALID_TENANT, "The tenant may not sign in"));
            if (email == null) {
                email = claim(claims, "preferred_username");
            }
            if (email == null || !email.contains("@")) {
                throw refused(NO_EMAIL, "The ID token has no email address");
            }
            Optional<Account> existing = directory.byEmail(email);
            if (existing.isPresent()) {
                if (!existing.get().organisationId().equals(organisation)) {
                    throw refused(NO_MEMBER, "The member belongs to another organisation than the tenant");
                }
                return admitted(
                        existing.get(),
                        new SingleSignOnAccounts.Provider(
                                SingleSignOnProvider.ENTRA,
                                String.valueOf(claims.get("iss")),
                                tenantId.toLowerCase(java.util.Locale.ROOT)));
            }
            return admitted(
                    register(
                            claims,
                            organisation,
                            email,
                            SingleSignOnProvider.ENTRA,
                            tenantId.toLowerCase(java.util.Locale.ROOT)),
                    null);
        }
        if (email == null || !email.contains("@")) {
            throw refused(NO_EMAIL, "The ID token has no email address");
        }
        if (!Boolean.TRUE.equals(claims.get("email_verified"))
                && !"true".equals(String.valueOf(claims.get("email_verified")))) {
            throw refused(UNVERIFIED_EMAIL, "The email address is not verified");
        }
        Optional<Account> existing = directory.byEmail(email);
        if (existing.isPresent()) {
            return admitted(
                    existing.get(),
                    new SingleSignOnAccounts.Provider(
                            SingleSignOnProvider.GENERIC, String.valueOf(claims.get("iss")), ""));
        }
        String organisation = directory
                .organisationOfDomain(email)
                .orElseThrow(() -> refused(NO_MEMBER, "No such member, and no organisation uses the address's domain"));
        return admitted(register(claims, organisation, email, SingleSignOnProvider.GENERIC, ""), null);
    }

    private Account register(
            Map<String, Object> claims, String organisation, String email, SingleSignOnProvider kind, String tenantId) {
        String name = name(claims).orElseThrow(() -> refused(NO_NAME, "The ID token has no name for the newcomer"));
        try {
            return directory.register(
                    new Newcomer(organisation, email, name, kind, String.valueOf(claims.get("iss")), tenantId));
        } catch (RuleBrokenException refusal) { // and InvalidInputException, one of its kind
            throw refused(NO_MEMBER, "No member could be made: " + refusal.getMessage());
        }
    }

    /**
     * The account, unless it waits for approval. An invited person who signs in before following their link accepts
     * the invitation by signing in ({@code provider}: the sign-in's, null for an account just made): the provider
     * vouched for the invited address (and an Entra tenant is the one mapped to their organisation), which is what the
     * link would have proved; the link stops working, so it cannot later set a password on the account.
     */
    private Account admitted(Account account, SingleSignOnAccounts.Provider provider) {
        if (directory.awaitingApproval(account)) {
            throw refused(AWAITING_APPROVAL, "The member's registration waits for approval");
        }
        if (provider != null && directory.invitationPending(account)) {
            try {
                return directory.acceptInvitation(account, provider);
            } catch (RuleBrokenException withdrawn) {
                throw refused(NO_MEMBER, "The invitation was withdrawn: " + withdrawn.getMessage());
            }
        }
        return account;
    }

    /** The person's name: {@code name}, or else {@code given_name} and {@code family_name}; at most a name's length. */
    static Optional<String> name(Map<String, Object> claims) {
        String name = claim(claims, "name");
        if (name == null) {
            String given = claim(claims, "given_name");
            String family = claim(claims, "family_name");
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        return Optional.ofNullable(name)
                .map(String::strip)
                .map(whole -> whole.length() > Member.MAX_NAME
                        ? whole.substring(0, Member.MAX_NAME).strip()
                        : whole);
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
