package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.GeneratedHistory;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.benchmarks.Benchmarks.Figure;
import org.collaborative.events.group.GroupVisibility;

/**
 * The growth figure of issue 16: the group page's p99 and a command's p99 with {@code benchmarks.history} stored events
 * (1,000,000 by default) ÷ the same with 10,000. A stack of its own is given a generated history of 10,000 events
 * ({@link GeneratedHistory}: five years of London-wide activity, written through the event store, published and
 * projected) and measured; the history is then grown to the full count, published and projected, and measured again.
 * The page and the commands are the same in both: a group of Tom's with 20 questions, and questions posted to another
 * group of his, so the ratio is what the size of the store and the views costs, not the size of the page.
 */
final class HistoryGrowth {

    static final int BASELINE = 10_000;
    static final int EVENTS = Integer.getInteger("benchmarks.history", 1_000_000);
    private static final String TOM = "tom.hughes@camden.example";
    private static final String PASSWORD = "collaborate-in-london";
    private static final String CAMDEN = "E09000007";
    /** Below the rate at which the page queues on two cores (see the page figure), so p99 measures the page. */
    private static final int PAGE_RATE = 20;

    private static final int PAGE_REQUESTS = 300;
    private static final int COMMAND_RATE = 10;
    private static final int COMMANDS = 150;

    private final Path data;

    HistoryGrowth(Path data) {
        this.data = data;
    }

    List<Figure> figures() throws Exception {
        if (EVENTS <= BASELINE) {
            throw new IllegalArgumentException("benchmarks.history must be more than " + BASELINE + ": " + EVENTS);
        }
        try (RunningWorkspace workspace = RunningWorkspace.start(
                data.resolve("history"), RunningWorkspace.Ports.free(), "--collaborative.posting.burst=1000000")) {
            Clock clock = workspace.bean(Clock.class);
            long seedEvents = workspace.lastStoredEvent() + 1;
            GeneratedHistory.Written first = writeAlone(workspace, 1, BASELINE, clock.instant());
            System.out.println("  history: " + first);
            String caughtUp = awaitQuiet(workspace, BASELINE);
            System.out.println("  history: " + caughtUp);

            String tomId = UUID.nameUUIDFromBytes(("demo-member:" + TOM).getBytes(StandardCharsets.UTF_8))
                    .toString();
            CommandGateway commands = workspace.bean(CommandGateway.class);
            String pageGroup = group(commands, clock, tomId, "The measured page");
            String postingGroup = group(commands, clock, tomId, "Where the measured commands post");
            for (int i = 0; i < 20; i++) {
                commands.sendAndWait(new PostQuestion(
                        UUID.randomUUID().toString(),
                        pageGroup,
                        "How do we keep tenants in work after the first year? (" + i + ")",
                        "Details of question " + i,
                        tomId,
                        CAMDEN,
                        clock.instant()));
            }
            Browser tom = workspace.browser().signIn(TOM, PASSWORD);
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> tom.get("/groups/" + pageGroup).body().contains("after the first year? (19)"));
            String url = workspace.baseUrl() + "/groups/" + pageGroup;
            String cookie = tom.cookieHeader();

            Measure measure = () -> new double[] {
                Benchmarks.p99AtFixedRate(url, cookie, PAGE_RATE, PAGE_REQUESTS),
                commandP99(commands, clock, postingGroup, tomId)
            };
            long storedBefore = workspace.lastStoredEvent() + 1;
            List<double[]> baselines =
                    rounds("with " + String.format("%,d", storedBefore) + " events", measure, workspace);

            GeneratedHistory.Written rest = writeAlone(workspace, 2, EVENTS - BASELINE, clock.instant());
            System.out.println("  history: " + rest);
            String grown = awaitQuiet(workspace, EVENTS - BASELINE);
            System.out.println("  history: " + grown);
            long stored = workspace.lastStoredEvent() + 1;
            List<double[]> subjects = rounds("with " + String.format("%,d", stored) + " events", measure, workspace);

            String note =
                    "a stack of its own given a history by `GeneratedHistory` (five years of London-wide activity:"
                            + " people registering with sealed details, groups formed on every theme, joins, questions,"
                            + " answers, accepted answers, comments, notifications read), written through the event store in"
                            + " transactions of 1,000 events with publication and the projections stopped, then published and"
                            + " projected: "
                            + String.format("%,d", BASELINE) + " events on top of the seed's " + seedEvents + " ("
                            + first + "; " + caughtUp + "), measured; then grown by " + rest + " (" + grown
                            + "), measured"
                            + " again, " + String.format("%,d", stored) + " events in all. Group page: p99 of "
                            + PAGE_REQUESTS
                            + " requests at " + PAGE_RATE
                            + "/s (open loop) of a group of Tom's with 20 questions. Command:"
                            + " p99 of " + COMMANDS + " `PostQuestion` commands to the `CommandGateway` at "
                            + COMMAND_RATE
                            + "/s (open loop, from the scheduled send to the answer) into another group of his. No warm-up"
                            + " round is discarded apart from the first of each side; the rounds cannot alternate (the history"
                            + " only grows).";
            return List.of(
                    figure(
                            "Group page p99 with a grown history",
                            "group page p99 with " + String.format("%,d", stored) + " stored events, ms",
                            "the same with " + String.format("%,d", storedBefore) + " stored events, ms",
                            note,
                            subjects,
                            baselines,
                            0),
                    figure(
                            "Command p99 with a grown history",
                            "`PostQuestion` p99 with " + String.format("%,d", stored) + " stored events, ms",
                            "the same with " + String.format("%,d", storedBefore) + " stored events, ms",
                            null,
                            subjects,
                            baselines,
                            1));
        }
    }

    private interface Measure {
        double[] measure();
    }

    private static List<double[]> rounds(String side, Measure measure, RunningWorkspace workspace) {
        double[] warmUp = measure.measure();
        System.out.printf("History growth %s, warm-up: page %.1f ms, command %.1f ms%n", side, warmUp[0], warmUp[1]);
        List<double[]> rounds = new ArrayList<>();
        for (int round = 0; round < Integer.getInteger("benchmarks.rounds", 5); round++) {
            ProjectionCatchUp.awaitQuiet(workspace);
            double[] values = measure.measure();
            rounds.add(values);
            System.out.printf(
                    "History growth %s, round %d: page %.1f ms, command %.1f ms%n",
                    side, round + 1, values[0], values[1]);
        }
        return rounds;
    }

    private static Figure figure(
            String name,
            String subject,
            String baseline,
            String note,
            List<double[]> subjects,
            List<double[]> baselines,
            int index) {
        return new Figure(
                name,
                subject,
                baseline,
                "ms",
                false,
                note,
                subjects.stream().map(values -> values[index]).toList(),
                baselines.stream().map(values -> values[index]).toList());
    }

    private static String group(CommandGateway commands, Clock clock, String tomId, String name) {
        String group = UUID.randomUUID().toString();
        commands.sendAndWait(new FormWorkingGroup(
                group,
                "worklessness-and-social-housing",
                name,
                "Measured by the history growth benchmark.",
                GroupVisibility.OPEN,
                tomId,
                CAMDEN,
                clock.instant()));
        return group;
    }

    /** Open loop: commands start on schedule whether or not earlier ones have answered; p99 from the scheduled time. */
    private static double commandP99(CommandGateway commands, Clock clock, String group, String tomId) {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Long>> latencies = new ArrayList<>();
            long interval = TimeUnit.SECONDS.toNanos(1) / COMMAND_RATE;
            long start = System.nanoTime();
            for (int i = 0; i < COMMANDS; i++) {
                long due = start + i * interval;
                LiveLatency.sleepUntil(due);
                int n = i;
                latencies.add(CompletableFuture.supplyAsync(
                        () -> {
                            commands.sendAndWait(new PostQuestion(
                                    UUID.randomUUID().toString(),
                                    group,
                                    "Measured question " + n,
                                    "",
                                    tomId,
                                    CAMDEN,
                                    clock.instant()));
                            return System.nanoTime() - due;
                        },
                        senders));
            }
            List<Long> sorted = new ArrayList<>(
                    latencies.stream().map(CompletableFuture::join).toList());
            Collections.sort(sorted);
            return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
        } finally {
            senders.shutdownNow();
        }
    }

    /**
     * Writes the history with publication and the projections stopped, so that the rate is the writer's, not what is
     * left of two cores beside them; they catch up afterwards.
     */
    private static GeneratedHistory.Written writeAlone(
            RunningWorkspace workspace, long seed, int events, java.time.Instant until) {
        EventProcessor publisher = workspace
                .bean(EventProcessingConfiguration.class)
                .eventProcessor("kafka-publisher")
                .orElseThrow();
        workspace.stopProjections();
        publisher.shutDown();
        try {
            return GeneratedHistory.write(workspace, seed, events, until);
        } finally {
            publisher.start();
            workspace.startProjections();
        }
    }

    /**
     * Waits, as long as a history of this size can take on two cores, until every stored event is published and every
     * projection has committed it; says how long each took.
     */
    private static String awaitQuiet(RunningWorkspace workspace, int events) throws Exception {
        Duration atMost = Duration.ofSeconds(300 + events / 20);
        long started = System.nanoTime();
        await("publication of the history")
                .atMost(atMost)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> workspace.publishedUpTo() >= workspace.lastStoredEvent());
        long published = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + workspace.ports().kafka()))) {
            await("the projections to catch up with the history")
                    .atMost(atMost)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> ProjectionCatchUp.lag(admin, "projection.") == 0);
        }
        long projected = System.nanoTime();
        return String.format(
                "published %.0f s after it was written, projected into every view %.0f s after that",
                (published - started) / 1e9, (projected - published) / 1e9);
    }
}
