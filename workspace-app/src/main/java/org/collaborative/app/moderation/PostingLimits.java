package org.collaborative.app.moderation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How much each person may post: a token bucket per member in PostgreSQL ({@code posting_allowance}), shared by every
 * instance. A bucket holds at most {@code collaborative.posting.burst} posts and refills at
 * {@code collaborative.posting.hourly} posts an hour; each post takes one. Taking is one atomic upsert, so two
 * instances posting for the same person at the same moment cannot both take the last post.
 */
@Component
public class PostingLimits {

    private static final String TAKE = """
            insert into posting_allowance as a (member_id, tokens, updated_at)
            values (:member, :burst - 1, :now)
            on conflict (member_id) do update
                set tokens = least(:burst, a.tokens + :perSecond
                                 * greatest(0, extract(epoch from (:now - a.updated_at)))::double precision) - 1,
                    updated_at = greatest(a.updated_at, :now)
                where least(:burst, a.tokens + :perSecond
                          * greatest(0, extract(epoch from (:now - a.updated_at)))::double precision) >= 1
            returning tokens
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final int burst;
    private final int hourly;

    PostingLimits(
            NamedParameterJdbcTemplate jdbc,
            @Value("${collaborative.posting.burst:30}") int burst,
            @Value("${collaborative.posting.hourly:60}") int hourly) {
        if (burst < 1 || hourly < 1) {
            throw new IllegalArgumentException("collaborative.posting.burst and .hourly must be at least 1");
        }
        this.jdbc = jdbc;
        this.burst = burst;
        this.hourly = hourly;
    }

    /**
     * Takes one post from the member's allowance. Empty when they may post; otherwise how long until they may (the
     * allowance is left as it was).
     */
    public Optional<Duration> take(String memberId, Instant now) {
        Map<String, Object> parameters = Map.of(
                "member",
                memberId,
                "burst",
                (double) burst,
                "perSecond",
                hourly / 3600.0,
                "now",
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        List<Double> left = jdbc.queryForList(TAKE, parameters, Double.class);
        if (!left.isEmpty()) {
            return Optional.empty();
        }
        double available = jdbc.queryForObject("""
                select least(:burst, tokens + :perSecond
                             * greatest(0, extract(epoch from (:now - updated_at)))::double precision)
                from posting_allowance where member_id = :member
                """, parameters, Double.class);
        long seconds = (long) Math.ceil((1 - available) * 3600.0 / hourly);
        return Optional.of(Duration.ofSeconds(Math.max(1, seconds)));
    }

    public int burst() {
        return burst;
    }

    public int hourly() {
        return hourly;
    }
}
