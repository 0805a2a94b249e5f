package org.collaborative.app.item;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.question.QuestionPosted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether an item is hidden, in the item directory on a real PostgreSQL: kept by the directory's handlers, and filled
 * by the migration that adds it from the moderation events already in the event store.
 */
class ItemDirectoryTableTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final String MIGRATIONS = "src/main/resources/db/migration/";
    private static final AtomicLong GLOBAL_INDEX = new AtomicLong();

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static ItemDirectoryTable directory;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        migrate("V1__event_store.sql", "V2__command_directory.sql", "V4__item_directory.sql");
        jdbc.update("insert into theme_directory (theme_id, title) values ('t1', 'Behaviour change')");
        jdbc.update("insert into group_directory (group_id, theme_id, visibility) values ('g1', 't1', 'OPEN')");
        directory = new ItemDirectoryTable(jdbc);
        // Before the migration: one question hidden, one hidden then restored, one hidden, restored and hidden again,
        // one never moderated; and a hidden comment, which is not in the directory.
        post("q-hidden");
        store("q-hidden", 1, "ItemHidden");
        post("q-restored");
        store("q-restored", 1, "ItemHidden");
        store("q-restored", 2, "ItemRestored");
        post("q-hidden-again");
        store("q-hidden-again", 1, "ItemHidden");
        store("q-hidden-again", 2, "ItemRestored");
        store("q-hidden-again", 3, "ItemHidden");
        post("q-shown");
        store("c1", 1, "ItemHidden");
        migrate("V26__hidden_items_in_item_directory.sql");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static void migrate(String... files) throws IOException {
        for (String file : files) {
            jdbc.execute(Files.readString(Path.of(MIGRATIONS + file)));
        }
    }

    private static void post(String questionId) {
        directory.on(new QuestionPosted(questionId, "g1", "t1", "Who pilots telecare?", "", "tom", "E09000007", AT));
    }

    /** A moderation event of the item, as Axon stores it: JSON in bytea, in the item's own stream. */
    private static void store(String itemId, long sequence, String event) {
        String json = "{\"itemId\":\"" + itemId + "\",\"itemType\":\"question\",\"groupId\":\"g1\"}";
        long index = GLOBAL_INDEX.incrementAndGet();
        jdbc.update(
                """
                insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload)
                values (?, ?, ?, ?, 'Question', ?, ?, '1', ?)
                """,
                index,
                "event-" + index,
                itemId,
                sequence,
                AT.toString(),
                "org.collaborative.events.moderation." + event,
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hidden(String itemId) {
        return directory.findItem(itemId).orElseThrow().hidden();
    }

    @Test
    void theMigrationMarksHiddenTheItemsWhoseLastModerationEventHidThem() {
        assertThat(hidden("q-hidden")).isTrue();
        assertThat(hidden("q-hidden-again")).isTrue();
        assertThat(hidden("q-restored")).isFalse();
        assertThat(hidden("q-shown")).isFalse();
        assertThat(directory.findItem("c1"))
                .as("comments are not in the directory")
                .isEmpty();
    }

    @Test
    void hidingAndRestoringAnItemIsKeptInTheDirectory() {
        post("q-later");
        directory.on(new ItemHidden("q-later", "question", null, "g1", "Names a resident", "amara", AT));
        assertThat(hidden("q-later")).isTrue();
        directory.on(new ItemRestored("q-later", "question", null, "g1", "Name removed", "amara", AT));
        assertThat(hidden("q-later")).isFalse();
    }
}
