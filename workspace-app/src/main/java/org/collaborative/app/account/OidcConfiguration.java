package org.collaborative.app.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * OpenID Connect sign-in, when {@code collaborative.security.oidc.enabled} is true: one client registration (a generic
 * provider found from its issuer, or Microsoft Entra ID for many tenants), ID tokens checked per tenant for Entra, and
 * the {@link OidcLogin} that {@code SecurityConfiguration} adds to the pages' filter chain. See docs/operations.md,
 * "Configuring Microsoft Entra sign-in for a council".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "collaborative.security.oidc.enabled", havingValue = "true")
@EnableConfigurationProperties(OidcSettings.class)
class OidcConfiguration {

    static final String ENTRA = "https://login.microsoftonline.com/";

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(OidcSettings settings) {
        return new InMemoryClientRegistrationRepository(registration(settings));
    }

    /** How ID tokens are decoded and checked; for Entra, against the tenant allowlist (Spring Security finds it). */
    @Bean
    JwtDecoderFactory<ClientRegistration> oidcIdTokenDecoderFactory(OidcSettings settings) {
        OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
        if (settings.entraProvider()) {
            EntraTenants tenants = tenants(settings);
            factory.setJwtValidatorFactory(tenants::idTokenValidator);
        }
        return factory;
    }

    /** Who a sign-in is, making the account at a first sign-in where the organisation lets people join. */
    @Bean
    OidcMembers oidcMembers(OidcSettings settings, SingleSignOnAccounts accounts) {
        return new OidcMembers(accounts, settings.entraProvider() ? tenants(settings) : null);
    }

    @Bean
    OidcLogin oidcLogin(OidcSettings settings, ClientRegistrationRepository registrations, OidcMembers members) {
        return new OidcLogin(settings, registrations, members);
    }

    static ClientRegistration registration(OidcSettings settings) {
        require(settings.clientId(), "client-id");
        require(settings.clientSecret(), "client-secret");
        if (settings.entraProvider()) {
            String authority = ENTRA + settings.entra().authority();
            // No issuer here: each tenant has its own, checked by EntraTenants.
            return ClientRegistration.withRegistrationId(settings.registrationId())
                    .clientName("Microsoft Entra ID")
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(settings.scopes())
                    .authorizationUri(authority + "/oauth2/v2.0/authorize")
                    .tokenUri(authority + "/oauth2/v2.0/token")
                    .jwkSetUri(authority + "/discovery/v2.0/keys")
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .build();
        }
        require(settings.issuerUri(), "issuer-uri");
        return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(settings.registrationId())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopes())
                .build();
    }

    private static EntraTenants tenants(OidcSettings settings) {
        EntraTenants tenants = EntraTenants.parse(settings.entra().tenants());
        if (tenants.isEmpty()) {
            throw new IllegalStateException(
                    "Entra sign-in needs at least one tenant in collaborative.security.oidc.entra.tenants");
        }
        return tenants;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("OpenID Connect sign-in needs collaborative.security.oidc." + name);
        }
    }
}
