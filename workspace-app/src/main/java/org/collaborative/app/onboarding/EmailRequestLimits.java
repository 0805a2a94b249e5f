package org.collaborative.app.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How often anyone may make the workspace send an email that nobody signed in asked for (a password reset, an address
 * confirmation): at most so many per email address and so many per client address in a rolling window. Each request
 * is a row of {@code email_request} in PostgreSQL, so every instance applies the same limits; the check and the count
 * are one transaction under an advisory lock on the subject, so two requests at once cannot both take the last place.
 * An address is kept only as the SHA-256 of its normalised form, and unknown addresses count like known ones.
 */
@Component
public class EmailRequestLimits {

    /** What kind of email is asked for, each with its own counts. */
    public enum Kind {
        PASSWORD_RESET,
        REGISTRATION
    }

    /** The most requests allowed in the window, per email address and per client address. */
    public record Limits(int perAddress, int perClient, Duration window) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EmailRequestLimits(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Counts a request for an email to {@code email} from {@code clientAddress} and says whether it is within the
     * limits; a refused request is not counted (it sends nothing).
     */
    public boolean allow(Kind kind, String email, String clientAddress, Limits limits) {
        Instant now = clock.instant();
        Instant since = now.minus(limits.window());
        String address = addressSubject(email);
        String client = clientSubject(clientAddress);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            jdbc.update("delete from email_request where at <= ?", Timestamp.from(since));
            lock(kind, address);
            lock(kind, client);
            if (count(kind, address, since) >= limits.perAddress()
                    || count(kind, client, since) >= limits.perClient()) {
                return false;
            }
            for (String subject : new String[] {address, client}) {
                jdbc.update(
                        "insert into email_request (kind, subject, at) values (?, ?, ?)",
                        kind.name(),
                        subject,
                        Timestamp.from(now));
            }
            return true;
        }));
    }

    private void lock(Kind kind, String subject) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", kind.name() + ":" + subject);
    }

    private int count(Kind kind, String subject, Instant since) {
        Integer count = jdbc.queryForObject(
                "select count(*) from email_request where kind = ? and subject = ? and at > ?",
                Integer.class,
                kind.name(),
                subject,
                Timestamp.from(since));
        return count == null ? 0 : count;
    }

    static String addressSubject(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return "account:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String clientSubject(String clientAddress) {
        String address = clientAddress == null ? "unknown" : clientAddress;
        return "address:" + (address.length() > 90 ? address.substring(0, 90) : address);
    }
}
