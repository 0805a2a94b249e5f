package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    static final int CARDS = 100;
    static final int PER_SECOND = 5;
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
                + "connections to `/board/live` with Tom's session, all open before the round starts, read by one "
                + "thread over plain sockets (`SseCrowd`: what each browser sends, no per-event garbage, every socket "
                + "closed after the round); " + CARDS
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

        URI live = URI.create(workspace.baseUrl() + retreat.board() + "/live");
        try (SseCrowd crowd = new SseCrowd(live, tom.cookieHeader(), viewers, "board-changed", CARDS)) {
            crowd.awaitConnected(5, TimeUnit.MINUTES);

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
            while (System.nanoTime() < deadline && !crowd.allReceived(CARDS)) {
                LiveLatency.sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
            }
            double[] latencies = new double[viewers * CARDS];
            int n = 0;
            for (SseCrowd.Viewer viewer : crowd.viewers()) {
                viewersMeasured.incrementAndGet();
                if (viewer.received() < CARDS) {
                    missed.incrementAndGet();
                }
                for (int k = 0; k < Math.min(CARDS, viewer.received()); k++) {
                    latencies[n++] = (viewer.arrival(k) - due[k]) / 1e6;
                }
            }
            if (n == 0) {
                throw new IllegalStateException("No viewer received a notice");
            }
            return LiveLatency.percentile(java.util.Arrays.copyOf(latencies, n), 0.99);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
