package org.collaborative.projections.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.group.GroupPageProjector;
import org.collaborative.views.group.GroupPage;
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
    /** The name of every command the runner's client sent, in order. */
    private final List<String> commands = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        // One worker thread, as the embedded default binds it: commands are serialised like MongoDB's per-document
        // atomic updates (see EmbeddedMongoServer).
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                })
                .build());
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
        assertThat(runner.apply(
                        projector,
                        envelope("t", 0, new org.collaborative.events.theme.ThemeCreated("t", "Theme", "", null, T0))))
                .isEmpty();
        assertThat(mongo.getCollection(GroupPageProjector.NAME).countDocuments())
                .isZero();
    }

    @Test
    void concurrentEventsFromManyAggregatesOnOneDocumentAreAllKept() throws Exception {
        runner.apply(
                projector,
                envelope(
                        "g1",
                        0,
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

    private static WorkingGroupFormed formed(String groupId) {
        return new WorkingGroupFormed(groupId, "t", "Retrofit " + groupId, "", GroupVisibility.OPEN, "amara", "lc", T0);
    }

    private static EventEnvelope question(String groupId, int i, String title) {
        return envelope(
                "q" + groupId + i,
                0,
                new QuestionPosted("q" + groupId + i, groupId, "t", title, "", "tom", "E09000007", T0.plusSeconds(i)));
    }

    @Test
    void aBatchReadsAndSavesEachDocumentOnceAndEndsAsOneAtATimeWould() {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(envelope("g1", 0, formed("g1")));
        events.add(envelope("g2", 0, formed("g2")));
        for (int i = 0; i < 30; i++) {
            events.add(question(i % 2 == 0 ? "g1" : "g2", i, "Question " + i));
        }
        events.add(envelope("g1", 1, new MemberJoinedGroup("g1", "tom", "E09000007", T0)));
        for (EventEnvelope event : events) {
            runner.apply(projector, event, "one-at-a-time");
        }

        List<String> changed = new ArrayList<>();
        runner.applyAll(projector, events, GroupPageProjector.NAME, (viewId, event) -> changed.add(viewId));

        for (String id : List.of("g1", "g2")) {
            GroupPage batched = page(id);
            GroupPage single = mongo.findById(id, GroupPage.class, "one-at-a-time");
            assertThat(batched)
                    .usingRecursiveComparison()
                    .ignoringFields("version")
                    .isEqualTo(single);
            assertThat(batched.version()).as("saved once").isZero();
            assertThat(single.version()).as("saved once per event").isEqualTo(id.equals("g1") ? 16L : 15L);
        }
        assertThat(changed)
                .as("one change per event, announced after its document was saved")
                .hasSize(events.size());
        assertThat(page("g1").questions()).hasSize(15);
        assertThat(page("g1").members()).hasSize(2);

        List<String> again = new ArrayList<>();
        runner.applyAll(projector, events, GroupPageProjector.NAME, (viewId, event) -> again.add(viewId));
        assertThat(again).as("a redelivered batch changes nothing").isEmpty();
        assertThat(page("g1").version()).isZero();
    }

    @Test
    void aFailingEventStopsTheBatchWithEverythingBeforeItStoredAndNothingAfter() {
        GroupPageProjector failing = new GroupPageProjector() {
            @Override
            public GroupPage apply(GroupPage view, EventEnvelope event) {
                if (event.payload() instanceof QuestionPosted posted
                        && posted.title().equals("Boom")) {
                    throw new IllegalArgumentException("cannot apply");
                }
                return super.apply(view, event);
            }
        };
        List<EventEnvelope> events = List.of(
                envelope("g1", 0, formed("g1")),
                question("g1", 1, "Before"),
                envelope("g2", 0, formed("g2")),
                question("g1", 3, "Boom"),
                question("g2", 4, "After, in another document"),
                question("g1", 5, "After"));

        ProjectionRunner.FailedAt failed = org.junit.jupiter.api.Assertions.assertThrows(
                ProjectionRunner.FailedAt.class,
                () -> runner.applyAll(failing, events, GroupPageProjector.NAME, (viewId, event) -> {}));

        assertThat(failed.index()).isEqualTo(3);
        assertThat(failed.getCause()).hasMessage("cannot apply");
        assertThat(page("g1").questions())
                .extracting(GroupPage.QuestionSummary::title)
                .containsExactly("Before");
        assertThat(page("g2").questions()).isEmpty();

        // The error handler hands back the failed event and those after it; once it can be applied, all arrive.
        runner.applyAll(projector, events.subList(3, events.size()), GroupPageProjector.NAME, (viewId, event) -> {});
        assertThat(page("g1").questions()).hasSize(3);
        assertThat(page("g2").questions()).hasSize(1);
    }

    @Test
    void concurrentBatchesOnOneDocumentKeepEveryEvent() throws Exception {
        runner.apply(projector, envelope("g1", 0, formed("g1")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int b = 0; b < 8; b++) {
                List<EventEnvelope> batch = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    batch.add(question("g1", b * 5 + i, "Question " + (b * 5 + i)));
                }
                batches.add(pool.submit(
                        () -> runner.applyAll(projector, batch, GroupPageProjector.NAME, (viewId, event) -> {})));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(page("g1").questions()).hasSize(40);
        assertThat(page("g1").applied()).hasSize(41);
    }

    @Test
    void aBatchOfNewAndChangedDocumentsIsOneReadAndOneWrite() {
        List<EventEnvelope> events = new ArrayList<>();
        for (int g = 0; g < 40; g++) {
            events.add(envelope("g" + g, 0, formed("g" + g)));
        }
        runner.applyAll(projector, events, GroupPageProjector.NAME, (viewId, event) -> {});
        List<EventEnvelope> more = new ArrayList<>();
        for (int g = 0; g < 60; g++) {
            more.add(g < 40 ? question("g" + g, g, "Question " + g) : envelope("g" + g, 0, formed("g" + g)));
        }
        commands.clear();

        List<String> changed = new ArrayList<>();
        runner.applyAll(projector, more, GroupPageProjector.NAME, (viewId, event) -> changed.add(viewId));

        assertThat(commands)
                .as("40 documents changed and 20 new: one query and one bulk write, not 120 round trips")
                .containsExactly("find", "update");
        assertThat(changed).hasSize(60);
        assertThat(page("g0").questions())
                .extracting(GroupPage.QuestionSummary::title)
                .containsExactly("Question 0");
        assertThat(page("g0").version()).as("written twice").isEqualTo(1L);
        assertThat(page("g59").version()).as("written once").isZero();
    }

    @Test
    void aDocumentChangedByAnotherWriterWithinABulkIsReadAgainWhileTheOthersAreSavedOnce() {
        runner.applyAll(
                projector,
                List.of(envelope("g1", 0, formed("g1")), envelope("g2", 0, formed("g2"))),
                GroupPageProjector.NAME,
                (viewId, event) -> {});
        // Another instance saves g1 between this runner's read and its write.
        GroupPageProjector racing = new GroupPageProjector() {
            private boolean raced;

            @Override
            public GroupPage apply(GroupPage view, EventEnvelope event) {
                if (!raced && view.id().equals("g1")) {
                    raced = true;
                    runner.apply(projector, question("g1", 9, "From the other instance"));
                }
                return super.apply(view, event);
            }
        };
        commands.clear();
        List<String> changed = new ArrayList<>();

        runner.applyAll(
                racing,
                List.of(question("g1", 1, "Ours"), question("g2", 2, "Ours too")),
                GroupPageProjector.NAME,
                (viewId, event) -> changed.add(viewId));
        List<String> sent = List.copyOf(commands);

        assertThat(page("g1").questions())
                .extracting(GroupPage.QuestionSummary::title)
                .containsExactlyInAnyOrder("From the other instance", "Ours");
        assertThat(page("g2").questions())
                .extracting(GroupPage.QuestionSummary::title)
                .containsExactly("Ours too");
        assertThat(page("g2").version()).as("g2 saved once").isEqualTo(1L);
        assertThat(changed).containsExactly("g1", "g2");
        assertThat(sent)
                .as("our read, the other instance's read and write, our bulk, then g1 alone read and written again")
                .containsExactly("find", "find", "update", "update", "find", "update");
    }

    @Test
    void aFailingEventInADocumentThatMustBeReadAgainStillStopsTheBatchWhereItFailed() {
        runner.apply(projector, envelope("g1", 0, formed("g1")));
        GroupPageProjector failingAfterARace = new GroupPageProjector() {
            private boolean raced;

            @Override
            public GroupPage apply(GroupPage view, EventEnvelope event) {
                if (event.payload() instanceof QuestionPosted posted
                        && posted.title().equals("Boom")) {
                    if (!raced) {
                        raced = true;
                        runner.apply(projector, question("g1", 9, "From the other instance"));
                    }
                    throw new IllegalArgumentException("cannot apply");
                }
                return super.apply(view, event);
            }
        };
        List<EventEnvelope> events = List.of(question("g1", 1, "Before"), question("g1", 2, "Boom"));

        ProjectionRunner.FailedAt failed = org.junit.jupiter.api.Assertions.assertThrows(
                ProjectionRunner.FailedAt.class,
                () -> runner.applyAll(failingAfterARace, events, GroupPageProjector.NAME, (viewId, event) -> {}));

        assertThat(failed.index()).isEqualTo(1);
        assertThat(page("g1").questions())
                .extracting(GroupPage.QuestionSummary::title)
                .containsExactlyInAnyOrder("From the other instance", "Before");
    }
}
