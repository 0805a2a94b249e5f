package org.collaborative.projections.infrastructure.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read {@code /actuator/prometheus}, as in the workspace: with {@code collaborative.metrics.scrape-token} set
 * (production) the request must carry it as {@code Authorization: Bearer <token>}; without one (the embedded default)
 * only a request from this machine may. Anything else gets a bare 403.
 */
final class ScrapeAccessFilter extends OncePerRequestFilter {

    private final byte[] token;

    ScrapeAccessFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (allows(request)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    boolean allows(HttpServletRequest request) {
        if (token == null) {
            try {
                return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        String header = request.getHeader("Authorization");
        return header != null
                && header.startsWith("Bearer ")
                && MessageDigest.isEqual(
                        header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8), token);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ScrapeAccessFilter> scrapeAccess(
                @Value("${collaborative.metrics.scrape-token:}") String token) {
            FilterRegistrationBean<ScrapeAccessFilter> registration =
                    new FilterRegistrationBean<>(new ScrapeAccessFilter(token));
            registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
            return registration;
        }
    }
}
