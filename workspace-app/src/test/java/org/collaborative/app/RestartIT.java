package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping and starting the whole embedded stack loses nothing and repeats nothing: events, tokens and views survive,
 * the seed is not sent again, nothing is published twice, and new work flows as before.
 */
class RestartIT {

    private static final List<String> VIEWS = List.of("theme-list", "group-page", "organisations");

    @TempDir
    Path data;

    record Snapshot(long events, long publishedUpTo, long topicRecords, Map<String, List<Document>> views) {}

    @Test
    void eventsTokensAndViewsSurviveARestartAndNothingIsSeededOrPublishedAgain() {
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        Snapshot before;
        String groupId;
        try (RunningWorkspace workspace = RunningWorkspace.start(data, ports)) {
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            groupId = await().atMost(Duration.ofSeconds(60))
                    .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
            post(tom, groupId, "Asked before the restart");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tom.get("/groups/" + groupId).body().contains("Asked before the restart"));
            before = snapshot(workspace);
        }

        try (RunningWorkspace workspace = RunningWorkspace.start(data, ports)) {
            workspace.awaitPublicationCaughtUp();
            Snapshot after = snapshot(workspace);
            assertThat(after.events()).as("events in the store").isEqualTo(before.events());
            assertThat(after.publishedUpTo()).as("the publisher's token").isEqualTo(before.publishedUpTo());
            assertThat(after.topicRecords()).as("records on the topic").isEqualTo(before.topicRecords());
            assertThat(after.views()).as("the views").isEqualTo(before.views());

            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            post(tom, groupId, "Asked after the restart");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tom.get("/groups/" + groupId).body().contains("Asked after the restart"));
            workspace.awaitPublicationCaughtUp();
            assertThat(workspace.readTopic("collaborative.events")).hasSize((int) before.topicRecords() + 1);
        }
    }

    private static void post(Browser browser, String groupId, String title) {
        browser.get("/groups/" + groupId);
        assertThat(browser.post(
                                "/groups/" + groupId + "/questions",
                                Map.of("questionId", UUID.randomUUID().toString(), "title", title, "body", ""))
                        .statusCode())
                .isEqualTo(302);
    }

    private static Snapshot snapshot(RunningWorkspace workspace) {
        workspace.awaitPublicationCaughtUp();
        workspace.awaitProjectionsCaughtUp();
        Map<String, List<Document>> views = new java.util.TreeMap<>();
        for (String view : VIEWS) {
            views.put(
                    view,
                    workspace
                            .mongo()
                            .getCollection(view)
                            .find()
                            .sort(new Document("_id", 1))
                            .into(new java.util.ArrayList<>()));
        }
        return new Snapshot(
                workspace.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class),
                workspace.publishedUpTo(),
                workspace.readTopic("collaborative.events").size(),
                views);
    }
}
