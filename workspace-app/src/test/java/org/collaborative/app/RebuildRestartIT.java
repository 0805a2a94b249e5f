package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.collaborative.app.support.ViewContent.differences;
import static org.collaborative.app.support.ViewContent.documents;
import static org.collaborative.app.support.ViewContent.hash;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.GeneratedHistory;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuilt view is what the next start reads (docs/adr/0015-durable-view-swap.md): on a generated history of five
 * years' activity, rebuild every view from the admin page (each equals the live view it replaced, by content hash), stop
 * the whole embedded stack cleanly, start it again, and each view equals a fresh rebuild. And a view lost
 * while the projections were down is found at their next start, logged, rebuilt and shown on the admin page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildRestartIT {

    private static final String SAM = "sam.lee@londoncouncils.example";
    private static final String WORD = "zebracrossing";
    /**
     * Events in the generated history, on top of the seed's: each view is projected, rebuilt and rebuilt fresh from
     * them (see docs/performance.md for what it costs).
     */
    private static final int HISTORY = 2_000;

    @TempDir
    static Path data;

    private static final RunningWorkspace.Ports PORTS = RunningWorkspace.Ports.free();
    private static RunningWorkspace workspace;

    @BeforeAll
    static void start() {
        workspace = RunningWorkspace.start(data, PORTS);
    }

    @AfterAll
    static void stop() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    @Order(1)
    void everyRebuiltViewIsWhatTheNextStartReads() {
        Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
        String groupId = await().atMost(Duration.ofSeconds(60))
                .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
        tom.get("/groups/" + groupId);
        String title = "A " + WORD + " outside every school";
        assertThat(tom.post(
                                "/groups/" + groupId + "/questions",
                                Map.of("questionId", UUID.randomUUID().toString(), "title", title, "body", ""))
                        .statusCode())
                .isEqualTo(302);
        // Rebuild equals live (issue 17): five years of generated activity on top of the seed, written through the
        // event store, published and projected; its aggregates still load and take commands.
        GeneratedHistory.Written history = GeneratedHistory.write(
                workspace, 17, HISTORY, workspace.bean(Clock.class).instant());
        System.out.println("RebuildRestartIT: generated " + history);
        long phase = System.nanoTime();
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        commands.sendAndWait(new AnswerQuestion(
                history.lastQuestion(),
                UUID.randomUUID().toString(),
                "Answered after the history",
                new Actor(history.asker(), history.askerOrganisation(), history.askerRole()),
                clock.instant()));
        commands.sendAndWait(new PostQuestion(
                UUID.randomUUID().toString(),
                history.itsGroup(),
                "Asked after the history",
                "",
                history.asker(),
                history.askerOrganisation(),
                clock.instant()));
        // Settled: everything stored is published and projected, and nothing was stored meanwhile (an event a handler
        // stores in reaction to the last command can land just after a first check).
        long[] last = {-2};
        await("the history to be published and projected")
                .atMost(Duration.ofMinutes(8))
                .until(() -> {
                    long stored = workspace.lastStoredEvent();
                    await("publication of the history")
                            .atMost(Duration.ofMinutes(3))
                            .until(() -> workspace.publishedUpTo() >= stored);
                    workspace.awaitProjectionsCaughtUp("projection.", Duration.ofMinutes(5));
                    boolean settled = stored == last[0] && stored == workspace.lastStoredEvent();
                    last[0] = stored;
                    return settled;
                });
        await().atMost(Duration.ofSeconds(60))
                .until(() -> views().getCollection("view-registry").countDocuments() == RunningWorkspace.VIEWS.size());
        Map<String, List<Document>> projected = contents(views());
        System.out.printf(
                "RebuildRestartIT: published and projected %.1f s after%n", (System.nanoTime() - phase) / 1e9);
        phase = System.nanoTime();
        assertThat(projected.get("group-page")).anyMatch(page -> page.get("_id").equals(history.itsGroup()));

        Browser sam = workspace.browser().signIn(SAM, PipelineIT.PASSWORD);
        sam.get("/admin/views");
        for (String view : RunningWorkspace.VIEWS) {
            assertThat(sam.post("/admin/views/" + view + "/rebuilds", Map.of()).statusCode())
                    .as(view)
                    .isEqualTo(302);
        }
        await("every rebuild to be done")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> views().getCollection("view-rebuilds").countDocuments(Filters.eq("state", "DONE"))
                        == RunningWorkspace.VIEWS.size());
        assertThat(views().getCollection("view-rebuilds").countDocuments(Filters.ne("state", "DONE")))
                .isZero();
        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();
        Map<String, List<Document>> swappedIn = contents(views());
        System.out.printf("RebuildRestartIT: every view rebuilt in %.1f s%n", (System.nanoTime() - phase) / 1e9);
        for (String view : RunningWorkspace.VIEWS) {
            assertThat(differences(projected.get(view), swappedIn.get(view)))
                    .as("%s: rebuilt documents that differ from the live ones", view)
                    .isEmpty();
            assertThat(hash(swappedIn.get(view))).as("content hash of %s", view).isEqualTo(hash(projected.get(view)));
        }
        assertThat(swappedIn.get("search-index")).isNotEmpty();
        assertThat(tom.get("/search?q=" + WORD).body()).contains(title);

        workspace.close();
        workspace = RunningWorkspace.start(data, PORTS);
        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();

        MongoDatabase views = views();
        assertThat(contents(views)).as("the views after the restart").isEqualTo(swappedIn);
        workspace.startRebuild(RunningWorkspace.Ports.free().http(), "collaborative_fresh", "fresh.");
        workspace.awaitProjectionsCaughtUp("fresh.", Duration.ofMinutes(5));
        MongoDatabase fresh = workspace.bean(MongoClient.class).getDatabase("collaborative_fresh");
        for (String view : RunningWorkspace.VIEWS) {
            List<Document> live = documents(views, view);
            List<Document> rebuilt = documents(fresh, view);
            assertThat(differences(rebuilt, live))
                    .as("%s: live documents that differ from a rebuild", view)
                    .isEmpty();
            assertThat(hash(live)).as("content hash of %s", view).isEqualTo(hash(rebuilt));
        }
        assertThat(views.listCollectionNames().into(new ArrayList<>())).noneMatch(name -> name.contains(".rebuild-"));
        // Nothing was found lost at the restart, rightly empty views included, so nothing was rebuilt again.
        assertThat(views.getCollection("view-registry").countDocuments(Filters.exists("lostAt")))
                .isZero();
        assertThat(views.getCollection("view-rebuilds").countDocuments()).isEqualTo(RunningWorkspace.VIEWS.size());
        assertThat(workspace
                        .browser()
                        .signIn(PipelineIT.TOM, PipelineIT.PASSWORD)
                        .get("/search?q=" + WORD)
                        .body())
                .contains(title);
    }

    @Test
    @Order(2)
    void aViewLostWhileTheProjectionsWereDownIsFoundAtTheirStartRebuiltAndShown() throws IOException {
        MongoDatabase views = views();
        workspace.awaitProjectionsCaughtUp();
        List<Document> before = documents(views, "search-index");
        assertThat(before).isNotEmpty();
        int logged = projectionsLog().length();

        workspace.stopProjections();
        views.getCollection("search-index").drop();
        workspace.startProjections();

        await("the start-up check's error in the log")
                .atMost(Duration.ofSeconds(60))
                .until(() -> projectionsLog().substring(logged).contains("the view was lost"));
        String log = projectionsLog().substring(logged);
        assertThat(log)
                .containsPattern(
                        "ERROR .* search-index is empty, but its consumer group projection\\.search-index has already read"
                                + " [1-9]\\d* events: the view was lost\\. Requested a rebuild");
        Document registered = views.getCollection("view-registry")
                .find(Filters.eq("_id", "search-index"))
                .first();
        assertThat(registered.getDate("lostAt")).isNotNull();
        assertThat(registered.getString("lostGroup")).isEqualTo("projection.search-index");
        assertThat(registered.get("lostEvents", Number.class).longValue()).isPositive();
        assertThat(views.getCollection("view-registry").countDocuments(Filters.exists("lostAt")))
                .as("only the lost view is flagged")
                .isOne();

        await("the automatic rebuild")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> views.getCollection("view-rebuilds")
                                .countDocuments(Filters.and(
                                        Filters.eq("view", "search-index"),
                                        Filters.eq("requestedBy", "start-up check"),
                                        Filters.eq("state", "DONE")))
                        == 1);
        workspace.awaitProjectionsCaughtUp();
        assertThat(documents(views, "search-index")).isEqualTo(before);
        assertThat(workspace
                        .browser()
                        .signIn(PipelineIT.TOM, PipelineIT.PASSWORD)
                        .get("/search?q=" + WORD)
                        .body())
                .contains(WORD);

        HttpResponse<String> page =
                workspace.browser().signIn(SAM, PipelineIT.PASSWORD).get("/admin/views");
        String row = page.body().substring(page.body().indexOf("id=\"row-search-index\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row)
                .contains("Found lost at start-up on")
                .contains("empty although projection.search-index had read " + registered.get("lostEvents") + " events")
                .contains("rebuilt since")
                .contains("start-up check")
                .contains("govuk-tag--green")
                .doesNotContain(">Lost<");
        assertThat(page.body()).doesNotContain("id=\"lost-search-index\"");
    }

    private static MongoDatabase views() {
        return workspace.bean(MongoClient.class).getDatabase("collaborative");
    }

    private static Map<String, List<Document>> contents(MongoDatabase views) {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String view : RunningWorkspace.VIEWS) {
            contents.put(view, documents(views, view));
        }
        return contents;
    }

    private static String projectionsLog() throws IOException {
        return Files.readString(data.resolve("projections.log"), StandardCharsets.UTF_8);
    }
}
