package org.collaborative.projections.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What the registry knows about a view's health, against a real MongoDB wire-protocol server. */
class ViewRegistryTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private ViewRegistry registry;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "collaborative");
        registry = new ViewRegistry(mongo, clock);
        registry.register("search-index");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void nothingIsKnownAboutAViewJustRegistered() {
        assertThat(registry.knownToHoldDocuments("search-index")).isEmpty();
        assertThat(entry().getDate("registeredAt")).isNotNull();
    }

    @Test
    void aSavedDocumentSaysTheViewHoldsDocuments() {
        registry.savedDocument("search-index");

        assertThat(registry.knownToHoldDocuments("search-index")).contains(true);
    }

    @Test
    void aLiveProjectionSaysSoAtMostOnceAMinute() {
        registry.savedDocument("search-index");
        mongo.getCollection(ViewRegistry.COLLECTION)
                .updateOne(Filters.eq("_id", "search-index"), Updates.set("holdsDocuments", false));

        registry.savedDocument("search-index");
        assertThat(registry.knownToHoldDocuments("search-index")).contains(false);

        clock.advance(ViewRegistry.MARK_EVERY);
        registry.savedDocument("search-index");
        assertThat(registry.knownToHoldDocuments("search-index")).contains(true);
    }

    @Test
    void aViewRebuiltEmptyIsMarkedAgainByTheNextSavedDocument() {
        registry.savedDocument("search-index");
        registry.holdsDocuments("search-index", false);
        assertThat(registry.knownToHoldDocuments("search-index")).contains(false);

        registry.savedDocument("search-index");

        assertThat(registry.knownToHoldDocuments("search-index")).contains(true);
    }

    @Test
    void aLostViewIsRecordedWithItsGroupAndTheEventsItHadRead() {
        registry.lost("search-index", "projection.search-index", 451);

        Document entry = entry();
        assertThat(entry.getDate("lostAt").toInstant()).isEqualTo(clock.instant());
        assertThat(entry.getString("lostGroup")).isEqualTo("projection.search-index");
        assertThat(entry.getLong("lostEvents")).isEqualTo(451L);
    }

    private Document entry() {
        return mongo.getCollection(ViewRegistry.COLLECTION)
                .find(Filters.eq("_id", "search-index"))
                .first();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
