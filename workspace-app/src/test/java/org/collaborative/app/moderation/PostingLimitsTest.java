package org.collaborative.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The token bucket against a real PostgreSQL, with the table its Flyway migration creates. */
class PostingLimitsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    /** Three posts at once, then one every 20 minutes. */
    private final PostingLimits limits = new PostingLimits(new NamedParameterJdbcTemplate(jdbc), 3, 3);

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V20__posting_allowance.sql")));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from posting_allowance");
    }

    @Test
    void aBurstIsAllowedThenTheNextPostWaitsForTheRefill() {
        assertThat(limits.take("tom", T0)).isEmpty();
        assertThat(limits.take("tom", T0.plusSeconds(1))).isEmpty();
        assertThat(limits.take("tom", T0.plusSeconds(2))).isEmpty();

        Optional<Duration> refused = limits.take("tom", T0.plusSeconds(3));
        assertThat(refused).isPresent();
        assertThat(refused.get()).isBetween(Duration.ofSeconds(1190), Duration.ofSeconds(1200));
        assertThat(limits.take("priya", T0.plusSeconds(3)))
                .as("each person has their own")
                .isEmpty();

        assertThat(limits.take("tom", T0.plusSeconds(20 * 60 + 5)))
                .as("one post refilled")
                .isEmpty();
        assertThat(limits.take("tom", T0.plusSeconds(20 * 60 + 6))).isPresent();
    }

    @Test
    void aRefusedPostTakesNothing() {
        for (int i = 0; i < 3; i++) {
            limits.take("tom", T0);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(limits.take("tom", T0.plusSeconds(i))).isPresent();
        }
        assertThat(limits.take("tom", T0.plusSeconds(20 * 60 + 1))).isEmpty();
    }

    @Test
    void theBucketNeverHoldsMoreThanItsBurst() {
        limits.take("tom", T0);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take("tom", T0.plus(Duration.ofDays(7)))).isEmpty();
        }
        assertThat(limits.take("tom", T0.plus(Duration.ofDays(7)))).isPresent();
    }

    @Test
    void concurrentPostsFromSeveralInstancesNeverTakeMoreThanTheBurst() throws Exception {
        PostingLimits other = new PostingLimits(new NamedParameterJdbcTemplate(jdbc), 3, 3);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> posts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                PostingLimits instance = i % 2 == 0 ? limits : other;
                posts.add(() -> instance.take("tom", T0).isEmpty());
            }
            long allowed = 0;
            for (Future<Boolean> post : threads.invokeAll(posts)) {
                allowed += post.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }
}
