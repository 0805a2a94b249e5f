package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.board.BoardCommands.PostCard;
import org.collaborative.app.support.BoardRetreat;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.benchmarks.Benchmarks.Figure;
import org.collaborative.benchmarks.Benchmarks.Spec;
import org.collaborative.events.board.CardKind;

/**
 * Live-board delivery as the room grows: the p99 from a card's post to its change notice on every connected viewer's
 * stream, with 200 and 2,000 viewers of one board, against the same with a single viewer, in the same run on the same
 * stack. Every round also counts the viewers that missed a notice (the figure's note reports the total).
 */
final class LiveBoardDelivery {

    static final int CARDS = 20;
    static final int PER_SECOND = 4;
    static final int[] CROWDS = {200, 2_000};

    private static final String TOM = "tom.hughes@camden.example";
    private static final String PASSWORD = "collaborate-in-london";

    private final RunningWorkspace workspace;
    private final String tomId;
    private final AtomicLong missed = new AtomicLong();
    private final AtomicLong viewersMeasured = new AtomicLong();

    LiveBoardDelivery(RunningWorkspace workspace, String tomId) {
        this.workspace = workspace;
        this.tomId = tomId;
    }

    List<Figure> figures() {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        String note = "one board (an invitation-only retreat's session, Tom registered); N server-sent-event "
                + "connections to `/board/live` with Tom's session, all open before the round starts; " + CARDS
                + " `PostCard` commands to the `CommandGateway` on an open-loop schedule of " + PER_SECOND
                + "/s. Latency = scheduled send → the `board-changed` event on a viewer's stream (the k-th notice "
                + "for the k-th card: one board's notices keep their order); p99 over every viewer and card. It "
                + "spans the event-store append, publication, the board projection, the notice on Kafka and the "
                + "web app writing the event to every connection. Baseline: the same with one viewer, in the same "
                + "round.";
        List<Figure> figures = Benchmarks.rounds(
                List.of(
                        new Spec(
                                "Live board, 200 viewers, p99",
                                "p99 card → every viewer's SSE event, ms, 200 viewers",
                                "the same, 1 viewer",
                                "ms",
                                false,
                                note),
                        new Spec(
                                "Live board, 2,000 viewers, p99",
                                "p99 card → every viewer's SSE event, ms, 2,000 viewers",
                                "the same, 1 viewer",
                                "ms",
                                false,
                                "as for 200 viewers.")),
                () -> new double[] {p99(tom, CROWDS[0]), p99(tom, CROWDS[1])},
                () -> {
                    double alone = p99(tom, 1);
                    return new double[] {alone, alone};
                });
        String missedNote = " Viewers that missed at least one notice, over every round (warm-up included): "
                + missed.get() + " of " + viewersMeasured.get() + " viewer-rounds.";
        return figures.stream()
                .map(f -> new Figure(
                        f.name(),
                        f.subject(),
                        f.baseline(),
                        f.unit(),
                        f.higherIsBetter(),
                        f.note() + missedNote,
                        f.subjects(),
                        f.baselines()))
                .toList();
    }

    /** One round with {@code viewers} connected viewers of a fresh board: the p99 delivery latency in ms. */
    private double p99(Browser tom, int viewers) {
        ProjectionCatchUp.awaitQuiet(workspace);
        BoardRetreat retreat = BoardRetreat.setUp(workspace, List.of(TOM), List.of(TOM));
        Browser amara = workspace.browser().signIn(BoardRetreat.AMARA, PASSWORD);
        amara.get(retreat.board());
        amara.post(retreat.board() + "/open", Map.of());
        await("the board's opening")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> tom.get(retreat.board()).body().contains("Voting has not opened yet"));

        // Java 17's HttpClient cannot be shut down: its executor is, once the round is over.
        java.util.concurrent.ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder()
                .executor(clientThreads)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        List<Viewer> crowd = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(viewers);
        List<CompletableFuture<?>> streams = new ArrayList<>();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(workspace.baseUrl() + retreat.board() + "/live"))
                    .header("Cookie", tom.cookieHeader())
                    .header("Accept", "text/event-stream")
                    .build();
            for (int v = 0; v < viewers; v++) {
                Viewer viewer = new Viewer(connected);
                crowd.add(viewer);
                streams.add(client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(viewer)));
            }
            if (!connected.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(
                        (viewers - connected.getCount()) + " of " + viewers + " viewers connected in 5 minutes");
            }

            CommandGateway commands = workspace.bean(CommandGateway.class);
            Clock clock = workspace.bean(Clock.class);
            long[] due = new long[CARDS];
            long interval = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            for (int i = 0; i < CARDS; i++) {
                due[i] = start + i * interval;
                LiveLatency.sleepUntil(due[i]);
                commands.sendAndWait(new PostCard(
                        retreat.sessionId(),
                        UUID.randomUUID().toString(),
                        CardKind.IDEA,
                        "Card " + i + " for " + viewers + " viewers",
                        tomId,
                        clock.instant()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && crowd.stream().anyMatch(viewer -> viewer.arrivals.size() < CARDS)) {
                LiveLatency.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
            }
            List<Double> latencies = new ArrayList<>();
            for (Viewer viewer : crowd) {
                viewersMeasured.incrementAndGet();
                if (viewer.arrivals.size() < CARDS) {
                    missed.incrementAndGet();
                }
                for (int k = 0; k < Math.min(CARDS, viewer.arrivals.size()); k++) {
                    latencies.add((viewer.arrivals.get(k) - due[k]) / 1e6);
                }
            }
            if (latencies.isEmpty()) {
                throw new IllegalStateException("No viewer received a notice");
            }
            return LiveLatency.percentile(
                    latencies.stream().mapToDouble(Double::doubleValue).toArray(), 0.99);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            crowd.forEach(Viewer::cancel);
            streams.forEach(stream -> stream.cancel(true));
            clientThreads.shutdownNow();
        }
    }

    /** One viewer's stream: counts itself connected on the first comment, and times each board-changed event. */
    private static final class Viewer implements Flow.Subscriber<String> {

        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        private final CountDownLatch connected;
        private volatile Flow.Subscription subscription;
        private boolean counted;

        Viewer(CountDownLatch connected) {
            this.connected = connected;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!counted && line.equals(":connected")) {
                counted = true;
                connected.countDown();
            } else if (line.equals("event:board-changed")) {
                arrivals.add(System.nanoTime());
            }
        }

        @Override
        public void onError(Throwable failure) {}

        @Override
        public void onComplete() {}

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
