package org.collaborative.app.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows, then refuses, repeated failed sign-ins: per email address typed and per client address. The counts are rows
 * in PostgreSQL ({@code sign_in_failure}), updated with one atomic upsert per failure, so every instance behind a load
 * balancer applies the same limits.
 *
 * <p>After {@code slowAfter} failures a subject must wait before its next attempt: {@code slowDelay}, doubling with
 * each further failure, never longer than {@code lockOut}. After {@code lockAfter} failures it waits {@code lockOut}.
 * Counts are forgotten {@code window} (or {@code lockOut}, if longer) after the last failure, and an email address's
 * count is cleared when it signs in. An attempt made while a subject must wait is refused without checking the
 * password, and is not counted. Unknown email addresses are counted exactly like known ones, so the answers never
 * tell whether an account exists.
 *
 * <p>Two attempts arriving at the same moment on two instances can both pass the check before either failure is
 * counted; the limits can therefore be exceeded by the number of requests in flight at once, never more.
 */
@Component
class SignInThrottle {

    /** How failures of one kind of subject are limited. */
    record Limits(int slowAfter, int lockAfter) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;
    private final Duration slowDelay;
    private final Duration lockOut;
    private final Limits account;
    private final Limits address;

    SignInThrottle(
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            @Value("${collaborative.security.sign-in.window:15m}") Duration window,
            @Value("${collaborative.security.sign-in.slow-delay:1s}") Duration slowDelay,
            @Value("${collaborative.security.sign-in.lock-out:15m}") Duration lockOut,
            @Value("${collaborative.security.sign-in.account-slow-after:3}") int accountSlowAfter,
            @Value("${collaborative.security.sign-in.account-lock-after:10}") int accountLockAfter,
            @Value("${collaborative.security.sign-in.address-slow-after:20}") int addressSlowAfter,
            @Value("${collaborative.security.sign-in.address-lock-after:100}") int addressLockAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
        this.slowDelay = slowDelay;
        this.lockOut = lockOut;
        this.account = new Limits(accountSlowAfter, accountLockAfter);
        this.address = new Limits(addressSlowAfter, addressLockAfter);
    }

    /** How long this email address and client address must wait before trying again; zero when they may try now. */
    Duration waitBefore(String email, String clientAddress) {
        Instant now = clock.instant();
        Duration forAccount = waitFor(accountSubject(email), account, now);
        Duration forAddress = waitFor(addressSubject(clientAddress), address, now);
        return forAccount.compareTo(forAddress) >= 0 ? forAccount : forAddress;
    }

    void failed(String email, String clientAddress) {
        Instant now = clock.instant();
        count(accountSubject(email), now);
        count(addressSubject(clientAddress), now);
    }

    /** A successful sign-in clears its email address's count (not its client address's: one good account must not
     * reset the count of an address trying many others). */
    void succeeded(String email) {
        jdbc.update("delete from sign_in_failure where subject = :subject", Map.of("subject", accountSubject(email)));
    }

    /** Forgets counts that no longer limit anyone; any instance may run this, at any time. */
    @Scheduled(fixedDelayString = "${collaborative.security.sign-in.clean-up-every:10m}", initialDelayString = "1m")
    void forgetOldFailures() {
        jdbc.update(
                "delete from sign_in_failure where last_failed_at < :before",
                Map.of("before", Timestamp.from(clock.instant().minus(memory()))));
    }

    private Duration waitFor(String subject, Limits limits, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select failures, last_failed_at from sign_in_failure where subject = :subject",
                Map.of("subject", subject));
        if (rows.isEmpty()) {
            return Duration.ZERO;
        }
        int failures = ((Number) rows.get(0).get("failures")).intValue();
        Instant last = ((Timestamp) rows.get(0).get("last_failed_at")).toInstant();
        if (last.plus(memory()).isBefore(now)) {
            return Duration.ZERO;
        }
        Duration wait = delay(failures, limits);
        Instant allowedFrom = last.plus(wait);
        return allowedFrom.isAfter(now) ? Duration.between(now, allowedFrom) : Duration.ZERO;
    }

    /** The wait after a number of failures: none, then {@code slowDelay} doubling, then {@code lockOut}. */
    Duration delay(int failures, Limits limits) {
        if (failures >= limits.lockAfter()) {
            return lockOut;
        }
        if (failures < limits.slowAfter()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - limits.slowAfter(), 30);
        Duration delay = slowDelay.multipliedBy(1L << doublings);
        return delay.compareTo(lockOut) > 0 ? lockOut : delay;
    }

    private void count(String subject, Instant now) {
        jdbc.update(
                """
                insert into sign_in_failure (subject, failures, first_failed_at, last_failed_at)
                values (:subject, 1, :now, :now)
                on conflict (subject) do update set
                    failures = case when sign_in_failure.last_failed_at < :forgetBefore then 1
                                    else sign_in_failure.failures + 1 end,
                    first_failed_at = case when sign_in_failure.last_failed_at < :forgetBefore then :now
                                           else sign_in_failure.first_failed_at end,
                    last_failed_at = :now
                """,
                new MapSqlParameterSource()
                        .addValue("subject", subject)
                        .addValue("now", Timestamp.from(now))
                        .addValue("forgetBefore", Timestamp.from(now.minus(memory()))));
    }

    private Duration memory() {
        return window.compareTo(lockOut) >= 0 ? window : lockOut;
    }

    static String accountSubject(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return "account:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String addressSubject(String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        return "address:" + (address.length() > 90 ? address.substring(0, 90) : address);
    }
}
