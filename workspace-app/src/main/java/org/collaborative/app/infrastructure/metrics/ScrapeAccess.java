package org.collaborative.app.infrastructure.metrics;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read {@code /actuator/prometheus}: the monitoring system, which has no member's session. With a scrape token
 * configured ({@code collaborative.metrics.scrape-token}, production) the request must carry it as
 * {@code Authorization: Bearer <token>}; without one (the embedded default) only a request from this machine may.
 */
public final class ScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final byte[] token;

    public ScrapeAccess(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(allows(context.getRequest()));
    }

    /** Whether the request may read the metrics. */
    public boolean allows(HttpServletRequest request) {
        if (token == null) {
            return fromThisMachine(request.getRemoteAddr());
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] offered = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, token);
    }

    private static boolean fromThisMachine(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
