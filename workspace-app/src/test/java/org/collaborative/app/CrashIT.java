package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.collaborative.app.support.ViewContent.differences;
import static org.collaborative.app.support.ViewContent.documents;
import static org.collaborative.app.support.ViewContent.hash;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes the projections process (SIGKILL) again and again while questions are being posted. After it comes back
 * and catches up, every view equals a fresh rebuild from the topic, document for document, and no group lists a
 * question twice or misses one.
 */
class CrashIT {

    private static final int QUESTIONS = 400;
    private static final int CRASHES = 4;
    /**
     * Eight questions a second: the flow lasts about 50 s, and goes on past its 400 questions until every crash has
     * landed in the middle of it (on a busy machine a restart takes longer than the flow would).
     */
    private static final long PACE_MILLIS = 125;

    @TempDir
    Path data;

    @Test
    void viewsEqualAFreshRebuildAfterRepeatedKillNines() throws Exception {
        RunningWorkspace.Ports ports = RunningWorkspace.Ports.free();
        try (RunningWorkspace workspace = RunningWorkspace.start(data, ports)) {
            String tom = UUID.nameUUIDFromBytes(
                            "demo-member:tom.hughes@camden.example".getBytes(StandardCharsets.UTF_8))
                    .toString();
            List<String> groups = workspace
                    .jdbc()
                    .queryForList(
                            "select group_id from group_member where member_id = ? order by group_id",
                            String.class,
                            tom);
            assertThat(groups).hasSizeGreaterThanOrEqualTo(3);
            long questionsBefore = workspace
                    .jdbc()
                    .queryForObject(
                            "select count(*) from domain_event_entry where payload_type = ?",
                            Long.class,
                            "org.collaborative.events.question.QuestionPosted");
            CommandGateway commands = workspace.bean(CommandGateway.class);
            Clock clock = workspace.bean(Clock.class);

            AtomicInteger posted = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean crashed = new java.util.concurrent.atomic.AtomicBoolean();
            CompletableFuture<Void> flow = new CompletableFuture<>();
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            pacer.scheduleAtFixedRate(
                    () -> {
                        int i = posted.get();
                        if (i >= QUESTIONS && crashed.get()) {
                            flow.complete(null);
                            return;
                        }
                        try {
                            commands.sendAndWait(new PostQuestion(
                                    UUID.randomUUID().toString(),
                                    groups.get(i % groups.size()),
                                    "Crash test question " + i,
                                    "",
                                    tom,
                                    "E09000007",
                                    clock.instant()));
                            posted.incrementAndGet();
                        } catch (RuntimeException e) {
                            flow.completeExceptionally(e);
                        }
                    },
                    0,
                    PACE_MILLIS,
                    TimeUnit.MILLISECONDS);

            MongoDatabase views = workspace.bean(MongoClient.class).getDatabase("collaborative");
            int crashesMidFlow = 0;
            try {
                for (int crash = 1; crash <= CRASHES && !flow.isDone(); crash++) {
                    long seen = questionsInViews(views);
                    await("the views to move before crash " + crash)
                            .atMost(Duration.ofSeconds(90))
                            .until(() -> flow.isDone() || questionsInViews(views) > seen);
                    if (!flow.isDone()) {
                        workspace.killProjections();
                        crashesMidFlow++;
                        workspace.startProjections();
                    }
                }
                crashed.set(true);
                flow.get(3, TimeUnit.MINUTES);
            } finally {
                pacer.shutdownNow();
            }
            assertThat(crashesMidFlow)
                    .as("crashes while questions were being posted")
                    .isEqualTo(CRASHES);

            workspace.awaitPublicationCaughtUp();
            workspace.awaitProjectionsCaughtUp();
            workspace.startRebuild(RunningWorkspace.Ports.free().http(), "collaborative_rebuild", "rebuild.");
            workspace.awaitProjectionsCaughtUp("rebuild.");
            MongoDatabase rebuilt = workspace.bean(MongoClient.class).getDatabase("collaborative_rebuild");

            for (String view : RunningWorkspace.VIEWS) {
                List<Document> after = documents(views, view);
                List<Document> fresh = documents(rebuilt, view);
                assertThat(differences(fresh, after))
                        .as("%s: documents that differ from a fresh rebuild", view)
                        .isEmpty();
                assertThat(hash(after)).as("content hash of %s", view).isEqualTo(hash(fresh));
            }

            Map<String, Long> stored = workspace.jdbc().queryForList("""
                            select convert_from(payload, 'UTF8')::json ->> 'groupId' as group_id, count(*) as questions
                            from domain_event_entry where payload_type = 'org.collaborative.events.question.QuestionPosted'
                            group by 1
                            """).stream()
                    .collect(Collectors.toMap(
                            row -> (String) row.get("group_id"), row -> ((Number) row.get("questions")).longValue()));
            for (Document page : documents(views, "group-page")) {
                List<String> questions = page.getList("questions", Document.class).stream()
                        .map(q -> q.getString("questionId"))
                        .toList();
                assertThat(questions)
                        .as("duplicates in %s", page.getString("name"))
                        .doesNotHaveDuplicates();
                assertThat((long) questions.size())
                        .as("gaps in %s", page.getString("name"))
                        .isEqualTo(stored.getOrDefault(page.getString("_id"), 0L));
            }
            assertThat(stored.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(questionsBefore + posted.get());
        }
    }

    private static long questionsInViews(MongoDatabase views) {
        long total = 0;
        for (Document page : views.getCollection("group-page").find()) {
            total += page.getList("questions", Document.class, List.of()).size();
        }
        return total;
    }
}
