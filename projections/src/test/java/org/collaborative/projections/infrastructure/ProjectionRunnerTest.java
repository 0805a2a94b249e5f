package org.collaborative.projections.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.group.GroupPage;
import org.collaborative.projections.group.GroupPageProjector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The runner against a real MongoDB wire-protocol server: idempotent, and safe when partitions race on a document. */
class ProjectionRunnerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ProjectionRunner runner;
    private final GroupPageProjector projector = new GroupPageProjector();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        // One worker thread, as the embedded default binds it: commands are serialised like MongoDB's per-document
        // atomic updates (see EmbeddedMongoServer).
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "collaborative");
        runner = new ProjectionRunner(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private GroupPage page(String id) {
        return mongo.findById(id, GroupPage.class, GroupPageProjector.NAME);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        WorkingGroupFormed formed =
                new WorkingGroupFormed("g1", "t", "Retrofit", "", GroupVisibility.OPEN, "amara", "lc", T0);
        MemberJoinedGroup joined = new MemberJoinedGroup("g1", "tom", "E09000007", T0);

        assertThat(runner.apply(projector, envelope("g1", 0, formed))).contains("g1");
        assertThat(runner.apply(projector, envelope("g1", 1, joined))).contains("g1");
        GroupPage before = page("g1");

        assertThat(runner.apply(projector, envelope("g1", 1, joined))).isEmpty();
        assertThat(runner.apply(projector, envelope("g1", 0, formed))).isEmpty();

        GroupPage after = page("g1");
        assertThat(after).isEqualTo(before);
        assertThat(after.members()).hasSize(2);
        assertThat(after.applied()).containsEntry("g1", 1L);
    }

    @Test
    void eventsTheViewDoesNotFollowAreIgnored() {
        assertThat(runner.apply(projector, envelope("t", 0,
                        new org.collaborative.events.theme.ThemeCreated("t", "Theme", "", null, T0))))
                .isEmpty();
        assertThat(mongo.getCollection(GroupPageProjector.NAME).countDocuments()).isZero();
    }

    @Test
    void concurrentEventsFromManyAggregatesOnOneDocumentAreAllKept() throws Exception {
        runner.apply(projector, envelope("g1", 0,
                new WorkingGroupFormed("g1", "t", "Retrofit", "", GroupVisibility.OPEN, "amara", "lc", T0)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String questionId = "q" + i;
                QuestionPosted posted = new QuestionPosted(
                        questionId, "g1", "t", "Question " + i, "", "tom", "E09000007", T0.plusSeconds(i));
                posts.add(pool.submit(() -> runner.apply(projector, envelope(questionId, 0, posted))));
            }
            for (Future<?> post : posts) {
                post.get();
            }
        } finally {
            pool.shutdown();
        }

        GroupPage page = page("g1");
        assertThat(page.questions()).hasSize(40);
        assertThat(page.applied()).hasSize(41);
    }
}
