package org.collaborative.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.collaborative.views.rebuild.Rebuild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Asking for a rebuild, against a real MongoDB wire-protocol server. */
class RebuildRequestsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private RebuildRequests requests;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "collaborative");
        requests = new RebuildRequests(mongo, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        mongo.insert(new Document("_id", "group-page"), RebuildRequests.REGISTRY);
        mongo.insert(new Document("_id", "theme-list"), RebuildRequests.REGISTRY);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aRequestWaitsForAnInstanceToClaimIt() {
        Rebuild rebuild = requests.request("group-page", "Sam Lee");

        Rebuild stored = requests.find(rebuild.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(Rebuild.State.REQUESTED);
        assertThat(stored.view()).isEqualTo("group-page");
        assertThat(stored.requestedBy()).isEqualTo("Sam Lee");
        assertThat(RebuildCommand.describe(stored)).isEqualTo("Waiting for a projections instance to start it");
        assertThat(requests.views()).containsExactly("group-page", "theme-list");
    }

    @Test
    void anUnknownViewIsRefusedNamingTheViewsThereAre() {
        assertThatThrownBy(() -> requests.request("group-pages", "Sam Lee"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no view called 'group-pages'. Views: [group-page, theme-list]");
        assertThat(mongo.getCollection(Rebuild.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void aViewIsRebuiltOnceAtATimeButOthersMayRebuildAlongside() {
        requests.request("group-page", "Sam Lee");

        assertThatThrownBy(() -> requests.request("group-page", "Amara Okafor"))
                .hasMessage("A rebuild of group-page is already requested");
        assertThat(requests.request("theme-list", "Amara Okafor").state()).isEqualTo(Rebuild.State.REQUESTED);
    }

    @Test
    void progressIsReadAsAPercentageOfTheEventsOnTheTopic() {
        Rebuild running = new Rebuild(
                "r", "group-page", Rebuild.State.RUNNING, "Sam Lee", null, null, null, 250, 1000, "me", null, null);
        assertThat(RebuildCommand.percent(running)).isEqualTo(25);
        assertThat(RebuildCommand.describe(running)).isEqualTo("group-page: 250 of 1000 events (25%)");
        assertThat(RebuildCommand.percent(
                        new Rebuild("r", "v", Rebuild.State.RUNNING, "", null, null, null, 0, 0, "me", null, null)))
                .isEqualTo(100);
    }
}
