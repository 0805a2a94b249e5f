package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.app.support.WorkspaceProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as {@code run.sh} runs it, durable, killed with SIGKILL in the middle of a stream of commands:
 * first every process of the stack at once, then the JVMs alone, which leaves PostgreSQL running without its owner.
 * Each time the next start serves from a server it started itself with the durable settings, and every command that
 * was acknowledged is in the event store, on the topic and in the views; no stored command is missing from either
 * (0 partial commands).
 */
class DurabilityIT {

    private static final int ACKNOWLEDGED_BEFORE_EACH_KILL = 25;
    private static final String QUESTION_POSTED = "org.collaborative.events.question.QuestionPosted";
    /** The stream posts faster than a person may (ADR 10's limits): one person, a few dozen questions a minute. */
    private static final String[] NO_POSTING_LIMITS = {
        "--collaborative.posting.burst=1000", "--collaborative.posting.hourly=1000"
    };

    /** Kept when the test fails, with the logs of both applications and of PostgreSQL. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedCommandSurvivesKillNineOfTheStackAndOfItsJvmAlone() throws Exception {
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        String groupId;

        try (WorkspaceProcesses workspace = WorkspaceProcesses.start(data, ports, NO_POSTING_LIMITS)) {
            assertDurable(workspace);
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            groupId = await().atMost(Duration.ofMinutes(3))
                    .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
            postUntilKilled(workspace, groupId, workspace::killEverything);
            assertThat(workspace.postgres())
                    .as("PostgreSQL after SIGKILL to every process")
                    .isEmpty();
        }

        ProcessHandle orphan;
        try (WorkspaceProcesses workspace = WorkspaceProcesses.start(data, ports, NO_POSTING_LIMITS)) {
            assertEverythingThrough(workspace);
            postUntilKilled(workspace, groupId, workspace::killJvms);
            orphan = workspace.postgres().orElseThrow(() -> new AssertionError("PostgreSQL should outlive its JVM"));
        }

        try (WorkspaceProcesses workspace = WorkspaceProcesses.start(data, ports, NO_POSTING_LIMITS)) {
            assertThat(orphan.isAlive())
                    .as("the PostgreSQL server left running by the killed JVM")
                    .isFalse();
            assertThat(workspace.postgres().orElseThrow().pid()).isNotEqualTo(orphan.pid());
            assertThat(workspace.appLog())
                    .contains("PostgreSQL (process " + orphan.pid() + ") was left running on")
                    .contains("Stopped the PostgreSQL server left running by an earlier run (process " + orphan.pid()
                            + ")");
            assertDurable(workspace);
            assertEverythingThrough(workspace);
        }
    }

    /** Should a start fail, a PostgreSQL server left running on the temporary folder is not left behind. */
    @AfterEach
    void killLeftovers() {
        WorkspaceProcesses.killPostgres(data);
    }

    /**
     * Posts questions one after another, each with its own id, and notes each one acknowledged (the redirect after
     * the command was handled); once enough are, kills while the stream goes on. The stream ends at the first
     * request that gets no answer.
     */
    private void postUntilKilled(WorkspaceProcesses workspace, String groupId, Runnable kill) throws Exception {
        Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
        tom.get("/groups/" + groupId);
        AtomicInteger acknowledgedNow = new AtomicInteger();
        ExecutorService poster = Executors.newSingleThreadExecutor();
        try {
            Future<?> stream = poster.submit(() -> {
                while (true) {
                    String questionId = UUID.randomUUID().toString();
                    HttpResponse<String> response;
                    try {
                        response = tom.post(
                                "/groups/" + groupId + "/questions",
                                Map.of("questionId", questionId, "title", "Asked while the stack may die", "body", ""));
                    } catch (IllegalStateException noAnswer) {
                        return null;
                    }
                    assertThat(response.statusCode())
                            .as("answer to question %s", questionId)
                            .isEqualTo(302);
                    acknowledged.add(questionId);
                    acknowledgedNow.incrementAndGet();
                }
            });
            await("questions to be acknowledged")
                    .atMost(Duration.ofMinutes(5))
                    .until(() -> stream.isDone() || acknowledgedNow.get() >= ACKNOWLEDGED_BEFORE_EACH_KILL);
            kill.run();
            stream.get(5, TimeUnit.MINUTES);
        } finally {
            poster.shutdownNow();
        }
        assertThat(acknowledgedNow.get()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_EACH_KILL);
    }

    private void assertEverythingThrough(WorkspaceProcesses workspace) throws SQLException {
        List<String> stored = storedQuestions(workspace);
        assertThat(stored)
                .as("questions in the event store")
                .doesNotHaveDuplicates()
                .containsAll(acknowledged);
        RunningWorkspace.Ports ports = workspace.ports();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + ports.mongo())) {
            await("every stored question to be on the topic and in the views")
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        Set<String> onTopic = new HashSet<>();
                        for (ConsumerRecord<String, byte[]> record :
                                RunningWorkspace.readTopic(ports.kafka(), "collaborative.events")) {
                            onTopic.add(record.key());
                        }
                        assertThat(onTopic).as("questions on the topic").containsAll(stored);
                        List<String> inViews = new ArrayList<>();
                        for (Document page : mongo.getDatabase("collaborative")
                                .getCollection("group-page")
                                .find()) {
                            page.getList("questions", Document.class, List.of())
                                    .forEach(question -> inViews.add(question.getString("questionId")));
                        }
                        assertThat(inViews)
                                .as("questions in the group pages")
                                .doesNotHaveDuplicates()
                                .containsAll(stored);
                    });
        }
    }

    private static List<String> storedQuestions(WorkspaceProcesses workspace) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = workspace.database();
                var query = connection.prepareStatement(
                        "select aggregate_identifier from domain_event_entry where payload_type = ?")) {
            query.setString(1, QUESTION_POSTED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static void assertDurable(WorkspaceProcesses workspace) throws SQLException {
        try (Connection connection = workspace.database();
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    assertThat(row.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }
}
