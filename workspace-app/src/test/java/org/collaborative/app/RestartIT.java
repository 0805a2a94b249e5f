package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.collaborative.app.infrastructure.embedded.BackupManifest;
import org.collaborative.app.infrastructure.embedded.EmbeddedRestore;
import org.collaborative.app.onboarding.BackupCommands;
import org.collaborative.app.onboarding.OperatorCommand;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping and starting the whole embedded stack loses nothing and repeats nothing: events, tokens and views survive,
 * the seed is not sent again, nothing is published twice, and new work flows as before. A backup taken while the stack
 * runs, restored into an empty folder, starts a stack whose pages read as they did when it was taken (ADR 28).
 */
class RestartIT {

    private static final List<String> VIEWS = List.of("theme-list", "group-page", "organisations");

    @TempDir
    Path data;

    /** The backup file and the folder it is restored into. */
    @TempDir
    Path elsewhere;

    record Snapshot(long events, long publishedUpTo, long topicRecords, Map<String, List<Document>> views) {}

    @Test
    void eventsTokensAndViewsSurviveARestartAndNothingIsSeededOrPublishedAgain() throws Exception {
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        Snapshot before;
        String groupId;
        Path backup = elsewhere.resolve("backups").resolve("collaborative.zip");
        Map<String, String> pagesBackedUp;
        String questionId;
        try (RunningWorkspace workspace = RunningWorkspace.start(data, ports)) {
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            groupId = await().atMost(Duration.ofSeconds(60))
                    .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
            questionId = post(tom, groupId, "Asked before the restart");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tom.get("/groups/" + groupId).body().contains("Asked before the restart"));
            assertThat(tom.post(
                                    "/items/" + questionId + "/answers",
                                    Map.of("answerId", UUID.randomUUID().toString(), "answer", "Kept in the backup"))
                            .statusCode())
                    .isEqualTo(302);
            before = snapshot(workspace);

            ByteArrayOutputStream said = new ByteArrayOutputStream();
            int status = BackupCommands.run(
                    operator(BackupCommands.BACKUP, workspace.operatorArguments(), "--to=" + backup),
                    new PrintStream(said, true, StandardCharsets.UTF_8),
                    Clock.systemUTC());
            assertThat(status).as(said.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(said.toString(StandardCharsets.UTF_8)).contains("while the workspace ran");
            assertThat(workspace
                            .jdbc()
                            .queryForObject(
                                    "select count(*) from privacy.security_log where kind = 'BACKUP_TAKEN'",
                                    Long.class))
                    .isEqualTo(1L);
            pagesBackedUp = pages(tom, groupId, questionId);
            assertThat(pagesBackedUp.get("question")).contains("Kept in the backup");
            assertThat(pagesBackedUp.get("search")).contains("Asked before the restart");
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

        Path restored = elsewhere.resolve("restored");
        RunningWorkspace.Ports restoredPorts = RunningWorkspace.Ports.free();
        String[] restore = {
            BackupCommands.RESTORE,
            "--from=" + backup,
            "--collaborative.embedded.data-dir=" + restored,
            "--collaborative.embedded.postgres.port=" + restoredPorts.postgres(),
            "--collaborative.embedded.durable=false"
        };
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertThat(BackupCommands.run(restore, new PrintStream(said, true, StandardCharsets.UTF_8), Clock.systemUTC()))
                .as(said.toString(StandardCharsets.UTF_8))
                .isZero();
        said.reset();
        assertThat(BackupCommands.run(restore, new PrintStream(said, true, StandardCharsets.UTF_8), Clock.systemUTC()))
                .as("a second restore into the same folder")
                .isEqualTo(OperatorCommand.REFUSED);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("is not empty");

        BackupManifest manifest = EmbeddedRestore.verify(backup);
        try (RunningWorkspace workspace = RunningWorkspace.start(restored, restoredPorts)) {
            workspace.awaitPublicationCaughtUp();
            workspace.awaitProjectionsCaughtUp();
            assertThat(workspace.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class))
                    .as("events in the restored store")
                    .isEqualTo(manifest.events())
                    .isEqualTo(before.events());
            assertThat(workspace.readTopic("collaborative.events"))
                    .as("every event published again to the new topic")
                    .hasSize((int) manifest.events());
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            assertThat(pages(tom, groupId, questionId)).isEqualTo(pagesBackedUp);
            assertThat(workspace
                            .jdbc()
                            .queryForList(
                                    "select kind from privacy.security_log where kind in ('BACKUP_TAKEN', 'RESTORED')",
                                    String.class))
                    .containsExactly("RESTORED");
        }
    }

    private static String[] operator(String command, String[] settings, String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of(command));
        arguments.addAll(List.of(settings));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /**
     * A group page, a question page and a search, as they read: their main content, without the form tokens and the
     * ids each form is given afresh at every render (so that sending it twice makes one question, answer or comment).
     */
    private static Map<String, String> pages(Browser browser, String groupId, String questionId) {
        Map<String, String> pages = new java.util.TreeMap<>();
        pages.put("group", page(browser, "/groups/" + groupId));
        pages.put("question", page(browser, "/items/" + questionId));
        pages.put("search", page(browser, "/search?q=restart"));
        return pages;
    }

    private static String page(Browser browser, String path) {
        return Browser.mainContent(browser.get(path).body())
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
                .replaceAll("name=\"(questionId|answerId|commentId)\" value=\"[0-9a-f-]{36}\"", "name=\"$1\"");
    }

    private static String post(Browser browser, String groupId, String title) {
        browser.get("/groups/" + groupId);
        String questionId = UUID.randomUUID().toString();
        assertThat(browser.post(
                                "/groups/" + groupId + "/questions",
                                Map.of("questionId", questionId, "title", title, "body", ""))
                        .statusCode())
                .isEqualTo(302);
        return questionId;
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
