package org.collaborative.app.account;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.collaborative.app.account.token.AccessTokens;
import org.collaborative.app.infrastructure.metrics.ScrapeAccess;
import org.collaborative.app.infrastructure.web.ApiProblems;
import org.collaborative.app.infrastructure.web.StaticFiles;
import org.collaborative.app.member.Accounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything but the sign-in page, static assets and health needs a signed-in member. CSRF protection stays on for
 * every state change (htmx posts carry the token as a form field), except API requests made with a personal access
 * token. Sessions live in PostgreSQL (Spring Session JDBC), with idle and absolute time-outs ({@link SessionLifetime});
 * failed sign-ins are throttled ({@link SignInThrottle}); OpenID Connect sign-in is added when configured
 * ({@link OidcLogin}). See docs/architecture.md, "Security model".
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Static files (stylesheet, scripts, webjars, GOV.UK Frontend's fonts and images): open to anyone, with the pages'
     * headers, and without the session. Nothing here reads or writes it, so a static file costs no PostgreSQL round
     * trip (Spring Session loads a session only when something asks for it, and saves only one it loaded).
     */
    @Bean
    @Order(0)
    SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
        http.securityMatcher(StaticFiles.PATTERNS)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .securityContext(context -> context.disable())
                .sessionManagement(sessions -> sessions.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers(PAGES_POLICY));
        return http.build();
    }

    /**
     * Sessions in PostgreSQL write each attribute with an upsert ({@code INSERT ... ON CONFLICT DO UPDATE}), not Spring
     * Session's plain insert: two requests of one session at once (a page and its htmx fragments, right after signing in)
     * can each add the same new attribute (the moment of signing in, the CSRF token), and the second plain insert failed
     * on {@code spring_session_attributes_pk}, a 500 (found by the soak benchmark).
     */
    @Bean
    org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    private static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'";

    /**
     * The JSON API: either a personal access token ({@code Authorization: Bearer}, no CSRF token needed) or the same
     * session as the pages (state changes then carry the CSRF token in an {@code X-CSRF-TOKEN} header), but no
     * redirects to the sign-in page: 401 and 403 come back as problem details.
     */
    /**
     * The metrics for the monitoring system, which has no member's session: a chain of its own, stateless, that only
     * {@link ScrapeAccess} opens (a scrape token in production, this machine alone otherwise); a refusal is a bare 403.
     */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, @Value("${collaborative.metrics.scrape-token:}") String scrapeToken)
            throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new ScrapeAccess(scrapeToken)))
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, failure) -> response.sendError(HttpStatus.FORBIDDEN.value()))
                        .accessDeniedHandler(
                                (request, response, denied) -> response.sendError(HttpStatus.FORBIDDEN.value())));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            JsonMapper json,
            Clock clock,
            AccessTokens tokens,
            Accounts accounts,
            @Value("${collaborative.security.session.absolute-timeout}") Duration absoluteTimeout)
            throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> problem(
                                response,
                                json,
                                HttpStatus.UNAUTHORIZED,
                                "unauthenticated",
                                "Sign in first",
                                "Sign in to use the API"))
                        .accessDeniedHandler((request, response, denied) -> problem(
                                response,
                                json,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "Not allowed",
                                denied instanceof org.springframework.security.web.csrf.CsrfException
                                        ? "The request has no valid CSRF token"
                                        : "You may not do this")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter.BEARER))
                .addFilterAfter(new SessionLifetime(clock, absoluteTimeout, false), SecurityContextHolderFilter.class)
                .addFilterBefore(
                        new BearerTokenFilter(tokens, accounts, (request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                            problem(
                                    response,
                                    json,
                                    HttpStatus.UNAUTHORIZED,
                                    "invalid-token",
                                    "Invalid token",
                                    "The access token is unknown, revoked or expired");
                        }),
                        CsrfFilter.class)
                .headers(headers("default-src 'none'; frame-ancestors 'none'"));
        return http.build();
    }

    /** What the firewall refuses comes back under /api as a problem detail ({@link RejectedAddresses}). */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler rejectedAddresses(JsonMapper json) {
        return new RejectedAddresses(json);
    }

    private static void problem(
            HttpServletResponse response, JsonMapper json, HttpStatus status, String type, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ApiProblems.TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        json.writeValue(response.getOutputStream(), problem);
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            SignInThrottle throttle,
            Clock clock,
            ObjectProvider<OidcLogin> oidc,
            @Value("${collaborative.security.session.absolute-timeout}") Duration absoluteTimeout)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/sign-in",
                                "/favicon.ico",
                                "/error",
                                "/accessibility",
                                "/privacy",
                                "/feeds/*",
                                "/unsubscribe/*/*",
                                "/invitations/*",
                                "/password/forgotten",
                                "/password/reset/*",
                                "/register",
                                "/register/confirm/*",
                                "/register/waiting")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        .requestMatchers(
                                "/admin/invitations",
                                "/admin/invitations/**",
                                "/admin/registrations",
                                "/admin/registrations/**",
                                "/admin/finance-officers",
                                "/admin/finance-officers/**")
                        .hasAnyRole("ADMINISTRATOR", "ORGANISATION_ADMINISTRATOR")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers(
                                org.springframework.http.HttpMethod.GET,
                                "/themes/new",
                                "/themes/*/edit",
                                "/themes/*/groups/new")
                        .hasAnyRole("FACILITATOR", "ADMINISTRATOR")
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/themes", "/themes/*/groups")
                        .hasAnyRole("FACILITATOR", "ADMINISTRATOR")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/sign-in")
                        .usernameParameter("email")
                        .successHandler(SignInOutcomes.success(throttle))
                        .failureHandler(SignInOutcomes.failure(throttle)))
                // One-click unsubscribe (RFC 8058) is posted by mail clients, with no session or CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe/*/*"))
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionLifetime(clock, absoluteTimeout, true), SecurityContextHolderFilter.class)
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .headers(headers(PAGES_POLICY));
        OidcLogin login = oidc.getIfAvailable();
        if (login != null) {
            login.configure(http);
        }
        return http.build();
    }

    /**
     * The same headers on every response of a chain (pages, API, errors, static assets, redirects): the chain's
     * Content-Security-Policy, HSTS for a year with subdomains, {@code X-Content-Type-Options: nosniff},
     * {@code X-Frame-Options: DENY} beside {@code frame-ancestors 'none'}, and a referrer policy. HSTS is sent on plain
     * HTTP too (browsers ignore it there), because TLS usually ends at the load balancer in front of the instances.
     */
    static Customizer<HeadersConfigurer<HttpSecurity>> headers(String contentSecurityPolicy) {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                        .includeSubDomains(true)
                        .maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    @Bean
    UserDetailsService members(Accounts accounts) {
        // Someone who registered and waits for approval is found with their password, but marked so that Spring
        // Security refuses them only after the password matched (its post-authentication check): the sign-in page then
        // tells them they are waiting, without telling anyone else that the address has an account (docs/adr/0025).
        return email -> accounts.findForSignIn(email)
                .map(WorkspaceUser::new)
                .or(() -> accounts.findAwaitingApproval(email).map(WorkspaceUser::awaitingApproval))
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
