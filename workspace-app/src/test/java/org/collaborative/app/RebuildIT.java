package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.collaborative.app.support.ViewContent.differences;
import static org.collaborative.app.support.ViewContent.documents;
import static org.collaborative.app.support.ViewContent.hash;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding a view, as an operator would: from the command line, and from the admin page with its progress bar while
 * questions keep being posted. The rebuilt view is swapped in, repairs damage, and loses nothing that arrived during
 * the rebuild.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildIT {

    private static final String PASSWORD = "collaborate-in-london";
    private static final Pattern PROGRESS =
            Pattern.compile("(\\d+) of (\\d+) events applied</label>\\s*<progress[^>]*value=\"(\\d+)\"");

    @TempDir
    static Path data;

    private static RunningWorkspace workspace;
    private static MongoDatabase views;
    private static String tom;
    private static List<String> tomsGroups;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free());
        views = workspace.bean(MongoClient.class).getDatabase("collaborative");
        tom = UUID.nameUUIDFromBytes("demo-member:tom.hughes@camden.example".getBytes(StandardCharsets.UTF_8))
                .toString();
        tomsGroups = workspace
                .jdbc()
                .queryForList(
                        "select group_id from group_member where member_id = ? order by group_id", String.class, tom);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> views.getCollection("view-registry").countDocuments() == RunningWorkspace.VIEWS.size());
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    @Order(1)
    void theCommandLineRebuildsADamagedViewToWhatTheEventsSay() {
        post(30);
        List<Document> before = settledContent("group-page");
        views.getCollection("group-page").deleteOne(Filters.eq("_id", tomsGroups.get(0)));
        views.getCollection("group-page")
                .updateOne(Filters.eq("_id", tomsGroups.get(1)), Updates.set("name", "Damaged by hand"));
        assertThat(hash(documents(views, "group-page"))).isNotEqualTo(hash(before));

        RunningWorkspace.CommandResult result = workspace.projectionsCommand("rebuild", "group-page");

        assertThat(result.exitStatus()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("Requested a rebuild of group-page")
                .contains("swapped in");
        List<Document> after = documents(views, "group-page");
        assertThat(differences(before, after))
                .as("group-page documents the rebuild made differently")
                .isEmpty();
        assertThat(hash(after)).isEqualTo(hash(before));
        assertThat(views.listCollectionNames().into(new ArrayList<>()))
                .noneMatch(name -> name.startsWith("group-page.rebuild-"));
    }

    @Test
    @Order(2)
    void theCommandLineRefusesAnUnknownView() {
        RunningWorkspace.CommandResult result = workspace.projectionsCommand("rebuild", "no-such-view");

        assertThat(result.exitStatus()).isEqualTo(2);
        assertThat(result.output())
                .contains("There is no view called 'no-such-view'")
                .contains("group-page");
    }

    @Test
    @Order(3)
    void onlyAdministratorsReachTheViewsPage() {
        Browser tomsBrowser = workspace.browser().signIn("tom.hughes@camden.example", PASSWORD);
        assertThat(tomsBrowser.get("/admin/views").statusCode()).isEqualTo(403);
        tomsBrowser.get("/themes");
        assertThat(tomsBrowser
                        .post("/admin/views/group-page/rebuilds", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(views.getCollection("view-rebuilds").countDocuments(Filters.eq("state", "REQUESTED")))
                .isZero();
    }

    @Test
    @Order(4)
    void theAdminPageRebuildsWhileQuestionsFlowAndShowsProgress() throws Exception {
        post(300);
        workspace.awaitPublicationCaughtUp();
        Browser admin = workspace.browser().signIn("sam.lee@londoncouncils.example", PASSWORD);
        assertThat(admin.get("/admin/views").body()).contains("group-page").contains("Rebuild");

        AtomicInteger posted = new AtomicInteger();
        List<String> flowing = new ArrayList<>();
        CompletableFuture<Void> flow = new CompletableFuture<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);

        ConcurrentLinkedQueue<long[]> progress = new ConcurrentLinkedQueue<>();
        try {
            // With no projections instance running, the request waits; a second one for the same view is refused.
            workspace.stopProjections();
            HttpResponse<String> requested = admin.post("/admin/views/group-page/rebuilds", Map.of());
            assertThat(requested.statusCode()).isEqualTo(302);
            String location = requested.headers().firstValue("Location").orElseThrow();
            assertThat(location).contains("/admin/views?requested=");
            assertThat(admin.get(location.substring(location.indexOf("/admin/")))
                            .body())
                    .contains("Rebuild of group-page requested")
                    .contains("Waiting to start")
                    .contains("hx-trigger=\"every 1s\"");
            HttpResponse<String> again = admin.post("/admin/views/group-page/rebuilds", Map.of());
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("govuk-error-summary").contains("already under way");

            workspace.startProjections();
            // Questions keep coming while the rebuild runs.
            pacer.scheduleAtFixedRate(
                    () -> {
                        int i = posted.get();
                        if (i >= 60) {
                            flow.complete(null);
                            return;
                        }
                        try {
                            String id = UUID.randomUUID().toString();
                            commands.sendAndWait(new PostQuestion(
                                    id,
                                    tomsGroups.get(i % tomsGroups.size()),
                                    "Asked during the rebuild " + i,
                                    "",
                                    tom,
                                    "E09000007",
                                    clock.instant()));
                            synchronized (flowing) {
                                flowing.add(id);
                            }
                            posted.incrementAndGet();
                        } catch (RuntimeException e) {
                            flow.completeExceptionally(e);
                        }
                    },
                    0,
                    50,
                    TimeUnit.MILLISECONDS);
            await("the rebuild to finish")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        String status = admin.get("/admin/views/status").body();
                        String row = status.substring(status.indexOf("id=\"row-group-page\""));
                        row = row.substring(0, row.indexOf("</tr>"));
                        Matcher bar = PROGRESS.matcher(row);
                        if (bar.find()) {
                            progress.add(new long[] {
                                Long.parseLong(bar.group(1)), Long.parseLong(bar.group(2)), Long.parseLong(bar.group(3))
                            });
                        }
                        return row.contains("govuk-tag--green") || row.contains("govuk-tag--red");
                    });
            flow.get(2, TimeUnit.MINUTES);
        } finally {
            pacer.shutdownNow();
        }

        Document rebuild = views.getCollection("view-rebuilds")
                .find(Filters.eq("view", "group-page"))
                .sort(new Document("requestedAt", -1))
                .first();
        assertThat(rebuild.getString("state")).isEqualTo("DONE");
        // Recorded by member id, never by name (an erased administrator's name must not stay in MongoDB).
        assertThat(rebuild.getString("requestedBy"))
                .isEqualTo("member:"
                        + java.util.UUID.nameUUIDFromBytes("demo-member:sam.lee@londoncouncils.example"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(rebuild.getLong("applied"))
                .isEqualTo(rebuild.getLong("total"))
                .isGreaterThan(300);
        assertThat(progress)
                .isNotEmpty()
                .allSatisfy(sample -> assertThat(sample[0]).isLessThanOrEqualTo(sample[1]));
        assertThat(progress.stream().mapToLong(sample -> sample[2]).max().orElse(0))
                .isEqualTo(100);

        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();
        List<String> shown = new ArrayList<>();
        for (String group : tomsGroups) {
            Document page = views.getCollection("group-page")
                    .find(Filters.eq("_id", group))
                    .first();
            page.getList("questions", Document.class).forEach(q -> shown.add(q.getString("questionId")));
        }
        assertThat(shown).doesNotHaveDuplicates().containsAll(flowing);
        long stored = 0;
        for (String group : tomsGroups) {
            stored += workspace.jdbc().queryForObject("""
                    select count(*) from domain_event_entry
                    where payload_type = 'org.collaborative.events.question.QuestionPosted'
                      and convert_from(payload, 'UTF8')::json ->> 'groupId' = ?
                    """, Long.class, group);
        }
        assertThat((long) shown.size()).isEqualTo(stored);
        assertThat(admin.get("/admin/views").body()).doesNotContain("hx-trigger=\"every 1s\"");
    }

    /**
     * The view's content once the store has settled: everything stored is published and projected, and no event was
     * stored meanwhile (an event a handler stores in reaction to the last command can land just after a first check).
     */
    private static List<Document> settledContent(String view) {
        long[] last = {-2};
        await("the event store to settle").atMost(Duration.ofSeconds(60)).until(() -> {
            long stored = workspace.lastStoredEvent();
            workspace.awaitPublicationCaughtUp();
            workspace.awaitProjectionsCaughtUp();
            boolean settled = stored == last[0] && stored == workspace.lastStoredEvent();
            last[0] = stored;
            return settled;
        });
        return documents(views, view);
    }

    private static void post(int questions) {
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        for (int i = 0; i < questions; i++) {
            commands.sendAndWait(new PostQuestion(
                    UUID.randomUUID().toString(),
                    tomsGroups.get(i % tomsGroups.size()),
                    "Question " + i,
                    "",
                    tom,
                    "E09000007",
                    clock.instant()));
        }
    }
}
