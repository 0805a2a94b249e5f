package org.collaborative.app.onboarding;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.collaborative.app.onboarding.LinkTokens.Purpose;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The links emailed to set a password (an invitation), to reset one or to confirm a registering person's address: signed, expiring and single use (docs/adr/0023).
 * The token carries the link id, purpose and expiry under an HMAC ({@link LinkTokens}); the {@code email_link} row
 * makes it work once ({@code used_at}) and lets a newer link or a revocation withdraw it ({@code revoked_at}). The key
 * is one row of {@code privacy.link_signing_key}, made by the first instance that needs it and shared by all.
 */
@Component
public class SignedLinks {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile LinkTokens tokens;

    SignedLinks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new link for the member, withdrawing the earlier links of the same purpose; returns its token. */
    String issue(String memberId, Purpose purpose, Duration validFor) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validFor);
        revokeAll(memberId, purpose);
        UUID linkId = UUID.randomUUID();
        jdbc.update(
                "insert into email_link (link_id, purpose, member_id, created_at, expires_at) values (?, ?, ?, ?, ?)",
                linkId,
                purpose.name(),
                memberId,
                Timestamp.from(now),
                Timestamp.from(expiresAt));
        return tokens().sign(linkId, purpose, expiresAt);
    }

    /**
     * A new address-confirmation link for a registration request (not yet a member: docs/adr/0025); the link goes with
     * the request. Returns its token.
     */
    String issueForRegistration(UUID registrationId, Duration validFor) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validFor);
        UUID linkId = UUID.randomUUID();
        jdbc.update(
                "insert into email_link (link_id, purpose, registration_id, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?)",
                linkId,
                Purpose.ADDRESS_CONFIRMATION.name(),
                registrationId,
                Timestamp.from(now),
                Timestamp.from(expiresAt));
        return tokens().sign(linkId, Purpose.ADDRESS_CONFIRMATION, expiresAt);
    }

    /**
     * The member a token names (for an address confirmation, the registration request's id) if it is signed, unexpired, unused and not withdrawn; the link stays usable. */
    Optional<String> peek(String token, Purpose purpose) {
        return tokens().verify(token, purpose, clock.instant())
                .flatMap(claims -> jdbc
                        .queryForList(
                                "select coalesce(member_id, registration_id::text) from email_link where link_id = ? and purpose = ?"
                                        + " and used_at is null and revoked_at is null and expires_at > ?",
                                String.class,
                                claims.linkId(),
                                purpose.name(),
                                Timestamp.from(clock.instant()))
                        .stream()
                        .findFirst());
    }

    /**
     * As {@link #peek}, and marks the link used, atomically: of two requests with the same token at the same moment,
     * one gets the member and the other nothing. Call it in the transaction that does what the link allows.
     */
    Optional<String> consume(String token, Purpose purpose) {
        return tokens().verify(token, purpose, clock.instant())
                .flatMap(claims -> jdbc
                        .queryForList(
                                "update email_link set used_at = ? where link_id = ? and purpose = ?"
                                        + " and used_at is null and revoked_at is null and expires_at > ?"
                                        + " returning coalesce(member_id, registration_id::text)",
                                String.class,
                                Timestamp.from(clock.instant()),
                                claims.linkId(),
                                purpose.name(),
                                Timestamp.from(clock.instant()))
                        .stream()
                        .findFirst());
    }

    void revokeAll(String memberId, Purpose purpose) {
        jdbc.update(
                "update email_link set revoked_at = ? where member_id = ? and purpose = ? and used_at is null"
                        + " and revoked_at is null",
                Timestamp.from(clock.instant()),
                memberId,
                purpose.name());
    }

    private LinkTokens tokens() {
        LinkTokens current = tokens;
        if (current == null) {
            byte[] candidate = new byte[32];
            new SecureRandom().nextBytes(candidate);
            jdbc.update(
                    "insert into privacy.link_signing_key (key_id, secret) values (1, ?) on conflict do nothing",
                    (Object) candidate);
            byte[] key =
                    jdbc.queryForObject("select secret from privacy.link_signing_key where key_id = 1", byte[].class);
            current = new LinkTokens(key);
            tokens = current;
        }
        return current;
    }
}
