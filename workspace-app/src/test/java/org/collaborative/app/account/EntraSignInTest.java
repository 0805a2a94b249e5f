package org.collaborative.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.member.Accounts.Account;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.SingleSignOnProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Microsoft Entra multi-tenant sign-in without a network: ID tokens shaped as Entra issues them (v2.0, RS256, with
 * {@code tid}, {@code iss}, {@code aud}, {@code nonce}, {@code email}), signed with a key made here and decoded by the
 * same decoder and validators as in production, then matched to members.
 */
class EntraSignInTest {

    private static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    private static final String CAMDEN_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final String HACKNEY_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String STRANGER_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
    private static final String CAMDEN = "E09000007";
    private static final String HACKNEY = "E09000012";

    private static RSAKey key;
    private static EntraTenants tenants;
    private static ClientRegistration registration;
    private static NimbusJwtDecoder decoder;

    private final AccountsInMemory accounts = new AccountsInMemory(
                    Map.of("camden.example", CAMDEN, "hackney.example", HACKNEY), Set.of(HACKNEY))
            .member("tom.hughes@camden.example", "Tom Hughes", CAMDEN, MemberRole.SERVICE_LEADER, false)
            .member("priya.shah@hackney.example", "Priya Shah", HACKNEY, MemberRole.CHIEF_EXECUTIVE, false)
            .invited("ade.bello@camden.example", "Ade Bello", CAMDEN, MemberRole.FACILITATOR);
    private final OidcMembers members = new OidcMembers(accounts, tenants);

    @BeforeAll
    static void setUp() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("entra-test-key").generate();
        OidcSettings settings = new OidcSettings(
                true,
                "entra",
                CLIENT_ID,
                "a-client-secret",
                null,
                List.of("openid", "profile", "email"),
                "Sign in with your council account",
                new OidcSettings.Entra(
                        "organizations",
                        List.of(CAMDEN_TENANT + "=" + CAMDEN, HACKNEY_TENANT.toUpperCase() + " = " + HACKNEY)));
        tenants = EntraTenants.parse(settings.entra().tenants());
        registration = OidcConfiguration.registration(settings);
        decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        decoder.setJwtValidator(tenants.idTokenValidator(registration));
    }

    private static JWTClaimsSet.Builder idToken(String tenant, String email) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("https://login.microsoftonline.com/" + tenant + "/v2.0")
                .subject("AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("tid", tenant)
                .claim("oid", "00000000-0000-0000-66f3-3332eca7ea81")
                .claim("ver", "2.0")
                .claim("nonce", "3yYq8M9tG8f4Zl2pJx2cZg")
                .claim("name", "Tom Hughes")
                .claim("email", email)
                .claim("preferred_username", email);
    }

    private static String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void theRegistrationUsesTheMultiTenantEndpointsWithNoFixedIssuer() {
        assertThat(registration.getRegistrationId()).isEqualTo("entra");
        assertThat(registration.getProviderDetails().getAuthorizationUri())
                .isEqualTo("https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize");
        assertThat(registration.getProviderDetails().getJwkSetUri())
                .isEqualTo("https://login.microsoftonline.com/organizations/discovery/v2.0/keys");
        assertThat(registration.getProviderDetails().getIssuerUri()).isNull();
        assertThat(registration.getScopes()).contains("openid");
    }

    @Test
    void anIdTokenFromAnAllowedTenantIsAcceptedAndItsMemberFoundInTheTenantsOrganisation() throws Exception {
        Jwt token = decoder.decode(
                signed(idToken(CAMDEN_TENANT, "Tom.Hughes@camden.example").build()));

        assertThat(token.getClaimAsString("tid")).isEqualTo(CAMDEN_TENANT);
        assertThat(tenants.organisationFor(CAMDEN_TENANT)).contains(CAMDEN);
        assertThat(tenants.organisationFor(HACKNEY_TENANT))
                .as("tenant ids are matched whatever their case")
                .contains(HACKNEY);
        Account member = members.match(token.getClaims());
        assertThat(member.displayName()).isEqualTo("Tom Hughes");
    }

    @Test
    void anInvitedPersonSigningInFromTheirOrganisationsTenantAcceptsTheInvitation() throws Exception {
        Jwt token = decoder.decode(signed(idToken(CAMDEN_TENANT, "ade.bello@camden.example")
                .claim("name", "Ade Bello")
                .build()));

        Account member = members.match(token.getClaims());

        assertThat(member.displayName()).isEqualTo("Ade Bello");
        assertThat(accounts.accepted)
                .containsExactly(Map.entry(
                        member.memberId(),
                        new SingleSignOnAccounts.Provider(
                                SingleSignOnProvider.ENTRA,
                                "https://login.microsoftonline.com/" + CAMDEN_TENANT + "/v2.0",
                                CAMDEN_TENANT)));
        assertThat(accounts.registered).isEmpty();
    }

    @Test
    void anInvitedPersonSigningInFromAnotherOrganisationsTenantIsRefusedAndStaysInvited() throws Exception {
        Jwt token = decoder.decode(
                signed(idToken(HACKNEY_TENANT, "ade.bello@camden.example").build()));

        assertThatThrownBy(() -> members.match(token.getClaims()))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        refused -> assertThat(OidcLogin.reason(refused)).isEqualTo("no-member"));
        assertThat(accounts.accepted).isEmpty();
    }

    @Test
    void anIdTokenFromATenantNotOnTheAllowlistIsRefused() throws Exception {
        String token =
                signed(idToken(STRANGER_TENANT, "tom.hughes@camden.example").build());

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("may not sign in");
        assertThat(OidcLogin.reason(
                        new OAuth2AuthenticationException(new org.springframework.security.oauth2.core.OAuth2Error(
                                "invalid_id_token",
                                "An error occurred while attempting to decode the Jwt: The Entra tenant "
                                        + STRANGER_TENANT + " may not sign in",
                                null))))
                .isEqualTo("invalid-tenant");
    }

    @Test
    void anAllowedTenantIdWithAnotherTenantsIssuerIsRefused() throws Exception {
        String token = signed(idToken(CAMDEN_TENANT, "tom.hughes@camden.example")
                .issuer("https://login.microsoftonline.com/" + STRANGER_TENANT + "/v2.0")
                .build());

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("was issued by https://login.microsoftonline.com/" + STRANGER_TENANT);
    }

    @Test
    void theVersionOneIssuerOfAnAllowedTenantIsRefused() throws Exception {
        String token = signed(idToken(CAMDEN_TENANT, "tom.hughes@camden.example")
                .issuer("https://sts.windows.net/" + CAMDEN_TENANT + "/")
                .build());

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anIdTokenWithoutATenantIsRefused() throws Exception {
        String token = signed(idToken(CAMDEN_TENANT, "tom.hughes@camden.example")
                .claim("tid", null)
                .build());

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anIdTokenForAnotherApplicationIsRefused() throws Exception {
        String token = signed(idToken(CAMDEN_TENANT, "tom.hughes@camden.example")
                .audience("00000003-0000-0000-c000-000000000000")
                .build());

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        Instant then = Instant.now().minusSeconds(7200);
        String token = signed(idToken(CAMDEN_TENANT, "tom.hughes@camden.example")
                .issueTime(Date.from(then))
                .notBeforeTime(Date.from(then))
                .expirationTime(Date.from(then.plusSeconds(3600)))
                .build());

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anIdTokenSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("entra-test-key").generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("entra-test-key")
                        .build(),
                idToken(CAMDEN_TENANT, "tom.hughes@camden.example").build());
        jwt.sign(new RSASSASigner(other));

        assertThatThrownBy(() -> decoder.decode(jwt.serialize()))
                .isInstanceOf(org.springframework.security.oauth2.jwt.BadJwtException.class);
    }

    @Test
    void aTenantCannotSignInAMemberOfAnotherOrganisationWhateverEmailItAsserts() throws Exception {
        // Hackney's tenant is allowed, but its administrators could give any account Tom's (Camden) address.
        Jwt token = decoder.decode(
                signed(idToken(HACKNEY_TENANT, "tom.hughes@camden.example").build()));

        assertThatThrownBy(() -> members.match(token.getClaims()))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo(OidcMembers.NO_MEMBER));
        assertThat(members.match(decoder.decode(signed(idToken(HACKNEY_TENANT, "priya.shah@hackney.example")
                                        .build()))
                                .getClaims())
                        .displayName())
                .isEqualTo("Priya Shah");
    }

    @Test
    void aNewcomerFromAMappedTenantJoinsTheTenantsOrganisationAndWaitsAsItChose() throws Exception {
        Jwt token = decoder.decode(
                signed(idToken(CAMDEN_TENANT, "New.Starter@camden.example").build()));

        assertThatThrownBy(() -> members.match(token.getClaims()))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        refused -> assertThat(OidcLogin.reason(refused)).isEqualTo("awaiting-approval"));
        assertThat(accounts.registered)
                .containsExactly(new SingleSignOnAccounts.Newcomer(
                        CAMDEN,
                        "New.Starter@camden.example",
                        "Tom Hughes",
                        SingleSignOnProvider.ENTRA,
                        "https://login.microsoftonline.com/" + CAMDEN_TENANT + "/v2.0",
                        CAMDEN_TENANT));
        assertThatThrownBy(() -> members.match(token.getClaims()))
                .as("a second sign-in finds the waiting account and makes no other")
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(accounts.registered).hasSize(1);
    }

    @Test
    void aNewcomerJoinsTheTenantsOrganisationButNeverWithAnotherOrganisationsAddress() throws Exception {
        // Hackney approves at once.
        Account made =
                members.match(decoder.decode(signed(idToken(HACKNEY_TENANT, "ade.okafor@hackney.onmicrosoft.example")
                                .claim("name", null)
                                .claim("given_name", "Ade")
                                .claim("family_name", "Okafor")
                                .build()))
                        .getClaims());
        assertThat(made.organisationId()).isEqualTo(HACKNEY);
        assertThat(made.displayName()).isEqualTo("Ade Okafor");

        // Hackney's administrators could give an account an address at Camden's domain.
        Jwt camdenAddress = decoder.decode(
                signed(idToken(HACKNEY_TENANT, "new.starter@camden.example").build()));
        assertThatThrownBy(() -> members.match(camdenAddress.getClaims()))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        refused -> assertThat(OidcLogin.reason(refused)).isEqualTo("no-member"));
        assertThat(accounts.byEmail("new.starter@camden.example")).isEmpty();
    }

    @Test
    void aNewcomerWithoutANameIsRefusedWithAReasonThePageExplains() throws Exception {
        Jwt token = decoder.decode(signed(idToken(HACKNEY_TENANT, "new.starter@hackney.example")
                .claim("name", null)
                .build()));

        assertThatThrownBy(() -> members.match(token.getClaims()))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        refused -> assertThat(OidcLogin.reason(refused)).isEqualTo("no-name"));
        assertThat(accounts.registered).isEmpty();
    }

    @Test
    void theUserPrincipalNameStandsInForAMissingEmailClaim() throws Exception {
        Jwt token = decoder.decode(signed(idToken(CAMDEN_TENANT, null)
                .claim("email", null)
                .claim("preferred_username", "tom.hughes@camden.example")
                .build()));

        assertThat(members.match(token.getClaims()).displayName()).isEqualTo("Tom Hughes");
    }

    @Test
    void theAllowlistRejectsEntriesThatAreNotTenantIdsMappedToOrganisations() {
        assertThatThrownBy(() -> EntraTenants.parse(List.of("camden.onmicrosoft.com=E09000007")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntraTenants.parse(List.of(CAMDEN_TENANT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntraTenants.parse(List.of(CAMDEN_TENANT + "=A", CAMDEN_TENANT + "=B")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGenericProviderMustVouchForTheEmailAddress() {
        OidcMembers generic = new OidcMembers(accounts, null);
        Map<String, Object> verified = Map.of("sub", "1", "email", "tom.hughes@camden.example", "email_verified", true);
        Map<String, Object> unverified =
                Map.of("sub", "1", "email", "tom.hughes@camden.example", "email_verified", false);

        assertThat(generic.match(verified).displayName()).isEqualTo("Tom Hughes");
        assertThatThrownBy(() -> generic.match(unverified))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        refused ->
                                assertThat(refused.getError().getErrorCode()).isEqualTo(OidcMembers.UNVERIFIED_EMAIL));
    }
}
