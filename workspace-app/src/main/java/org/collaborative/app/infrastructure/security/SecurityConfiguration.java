package org.collaborative.app.infrastructure.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import org.collaborative.app.infrastructure.web.ApiProblems;
import org.collaborative.app.member.Accounts;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything but the sign-in page, static assets and health needs a signed-in member. CSRF protection stays on for
 * every state change (htmx posts carry the token as a form field).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The JSON API: the same session as the pages (state changes carry the CSRF token in an {@code X-CSRF-TOKEN}
     * header), but no redirects to the sign-in page: 401 and 403 come back as problem details.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> problem(
                                response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first",
                                "Sign in to use the API"))
                        .accessDeniedHandler((request, response, denied) -> problem(
                                response, json, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                                denied instanceof org.springframework.security.web.csrf.CsrfException
                                        ? "The request has no valid CSRF token"
                                        : "You may not do this")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String type,
            String title, String detail) throws java.io.IOException {
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
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/sign-in", "/assets/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/themes/new", "/themes/*/edit")
                        .hasAnyRole("FACILITATOR", "ADMINISTRATOR")
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/themes")
                        .hasAnyRole("FACILITATOR", "ADMINISTRATOR")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/sign-in")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/themes", false)
                        .failureUrl("/sign-in?error"))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "font-src 'self'; connect-src 'self'; form-action 'self'; "
                                        + "frame-ancestors 'none'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                        .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    UserDetailsService members(Accounts accounts) {
        return email -> accounts.findByEmail(email)
                .map(WorkspaceUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
