package org.collaborative.app.account.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Members' personal access tokens for the JSON API ({@code Authorization: Bearer <token>}). A token is
 * {@value #PREFIX} followed by 256 random bits in base64url; only its SHA-256 is stored ({@code access_token}), so a
 * copy of the database gives no working token. A token is shown once, when it is created; it works until it expires or
 * is revoked, whichever comes first.
 */
@Repository
public class AccessTokens {

    /** Marks a string as one of ours, so that secret scanners and people can recognise a leaked token. */
    public static final String PREFIX = "collab_pat_";

    /** How many tokens a member may hold that still work. */
    public static final int MAX_ACTIVE = 20;
    /** The longest a token's name may be (the column is varchar(100)). */
    public static final int MAX_NAME = 100;

    /** A token as its owner sees it in the list: never the token itself. */
    public record AccessToken(
            String tokenId, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }

        public boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }

        public boolean worksAt(Instant now) {
            return !revoked() && !expiredAt(now);
        }
    }

    /** Announced when a member creates a token, for the security log. */
    public record TokenCreated(String memberId, String tokenId, String name, Instant expiresAt) {}

    /** Announced when a member revokes one of their tokens, for the security log. */
    public record TokenRevoked(String memberId, String tokenId) {}

    /** A token just created: the only moment its secret is known. */
    public record NewToken(AccessToken token, String secret) {}

    private static final RowMapper<AccessToken> ROW = (row, i) -> new AccessToken(
            row.getString("token_id"),
            row.getString("name"),
            row.getTimestamp("created_at").toInstant(),
            row.getTimestamp("expires_at").toInstant(),
            instant(row.getTimestamp("revoked_at")),
            instant(row.getTimestamp("last_used_at")));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher announcements;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(NamedParameterJdbcTemplate jdbc, Clock clock, ApplicationEventPublisher announcements) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.announcements = announcements;
    }

    /** Creates a token for a member, valid for {@code lifetime} from now. */
    public NewToken create(String memberId, String name, Duration lifetime) {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Instant now = clock.instant();
        AccessToken token =
                new AccessToken(UUID.randomUUID().toString(), name.strip(), now, now.plus(lifetime), null, null);
        jdbc.update(
                """
                insert into access_token (token_id, member_id, name, secret_hash, created_at, expires_at)
                values (cast(:tokenId as uuid), :memberId, :name, :hash, :createdAt, :expiresAt)
                """,
                new MapSqlParameterSource()
                        .addValue("tokenId", token.tokenId())
                        .addValue("memberId", memberId)
                        .addValue("name", token.name())
                        .addValue("hash", hash(secret))
                        .addValue("createdAt", Timestamp.from(token.createdAt()))
                        .addValue("expiresAt", Timestamp.from(token.expiresAt())));
        announcements.publishEvent(new TokenCreated(memberId, token.tokenId(), token.name(), token.expiresAt()));
        return new NewToken(token, secret);
    }

    /** A member's tokens, newest first. */
    public List<AccessToken> of(String memberId) {
        return jdbc.query(
                "select * from access_token where member_id = :memberId order by created_at desc",
                Map.of("memberId", memberId),
                ROW);
    }

    /** How many of a member's tokens still work. */
    public int activeCount(String memberId) {
        return of(memberId).stream()
                .filter(token -> token.worksAt(clock.instant()))
                .mapToInt(token -> 1)
                .sum();
    }

    /** Revokes one of the member's own tokens; says whether there was such a token still unrevoked. */
    public boolean revoke(String memberId, String tokenId) {
        if (!isUuid(tokenId)) {
            return false;
        }
        boolean revoked = jdbc.update(
                        """
                        update access_token set revoked_at = :now
                        where token_id = cast(:tokenId as uuid) and member_id = :memberId and revoked_at is null
                        """,
                        new MapSqlParameterSource()
                                .addValue("now", Timestamp.from(clock.instant()))
                                .addValue("tokenId", tokenId)
                                .addValue("memberId", memberId))
                == 1;
        if (revoked) {
            announcements.publishEvent(new TokenRevoked(memberId, tokenId));
        }
        return revoked;
    }

    /**
     * The member a presented token belongs to, if it is one of ours, unrevoked and unexpired. Notes when it was used
     * (at most once a minute, to spare the database).
     */
    public Optional<String> memberFor(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Map<String, Object>> found = jdbc.queryForList(
                """
                select token_id, member_id from access_token
                where secret_hash = :hash and revoked_at is null and expires_at > :now
                """,
                new MapSqlParameterSource().addValue("hash", hash(presented)).addValue("now", Timestamp.from(now)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update(
                """
                update access_token set last_used_at = :now
                where token_id = :tokenId and (last_used_at is null or last_used_at < :aMinuteAgo)
                """,
                new MapSqlParameterSource()
                        .addValue("now", Timestamp.from(now))
                        .addValue("aMinuteAgo", Timestamp.from(now.minusSeconds(60)))
                        .addValue("tokenId", found.get(0).get("token_id")));
        return Optional.of((String) found.get(0).get("member_id"));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUuid(String value) {
        return value != null && value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
