package org.collaborative.app.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private feed addresses: {@code /feeds/<token>}, where the token is 256 random bits that only the member is shown,
 * once. Only its SHA-256 is stored; making a new address or revoking ends the old one at once.
 */
@Component
public class FeedTokens {

    public static final String PREFIX = "collab_feed_";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FeedTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new address for the member's feed; any earlier one stops working. Returns the token, to show once. */
    @Transactional
    public String renew(String memberId) {
        revoke(memberId);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "insert into feed_token (token_hash, member_id, created_at) values (?, ?, ?)",
                hash(token),
                memberId,
                Timestamp.from(clock.instant()));
        return token;
    }

    public void revoke(String memberId) {
        jdbc.update(
                "update feed_token set revoked_at = ? where member_id = ? and revoked_at is null",
                Timestamp.from(clock.instant()),
                memberId);
    }

    public boolean hasFeed(String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from feed_token where member_id = ? and revoked_at is null)",
                Boolean.class,
                memberId));
    }

    /** The member whose working token this is. */
    public Optional<String> memberFor(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> members = jdbc.queryForList(
                "select member_id from feed_token where token_hash = ? and revoked_at is null",
                String.class,
                hash(token));
        return members.stream().findFirst();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
