package org.collaborative.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.collaborative.app.notification.MarkNotificationsRead;
import org.collaborative.app.notification.NotificationPreferences;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.benchmarks.Benchmarks.Figure;

/**
 * Loading an aggregate with 10,000 events against loading one with 1 event (issue 16, ADR 31), both as production
 * loads them for a command: snapshots on (unless the run was started with {@code -Dbenchmarks.snapshots=off}, to see what
 * they buy). The aggregate is a member's notification preferences, which gain an event each time the member reads their
 * notifications: the one aggregate whose history grows with plain daily use. Both aggregates hold the same state, so
 * the ratio is what the length of the history costs, not the size of the state.
 */
final class AggregateLoading {

    static final int EVENTS = 10_000;
    /** Loads per round and side (fewer with snapshots off, when each long load replays the whole history). */
    private static final int LOADS = snapshotsOff() ? 20 : 200;

    private final RunningWorkspace workspace;

    AggregateLoading(RunningWorkspace workspace) {
        this.workspace = workspace;
    }

    /** The argument the benchmark's stack is started with when snapshots are to be off for this run. */
    static List<String> arguments() {
        return snapshotsOff() ? List.of("--collaborative.snapshots.every=0") : List.of();
    }

    private static boolean snapshotsOff() {
        return "off".equals(System.getProperty("benchmarks.snapshots", "on"));
    }

    Figure figure() {
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String longReader = "benchmark-long-reader-" + suffix;
        String shortReader = "benchmark-short-reader-" + suffix;
        Instant start = clock.instant();
        long building = System.nanoTime();
        for (int i = 1; i <= EVENTS; i++) {
            Instant at = start.plusSeconds(i);
            commands.sendAndWait(MarkNotificationsRead.of(longReader, at, at));
        }
        commands.sendAndWait(MarkNotificationsRead.of(shortReader, start, start));
        String longId = NotificationPreferences.idFor(longReader);
        String shortId = NotificationPreferences.idFor(shortReader);
        if (workspace.eventCount(longId) != EVENTS || workspace.eventCount(shortId) != 1) {
            throw new IllegalStateException("Expected " + EVENTS + " and 1 events, found "
                    + workspace.eventCount(longId) + " and " + workspace.eventCount(shortId));
        }
        String snapshot = workspace
                .jdbc()
                .query(
                        "select length(payload), sequence_number from snapshot_event_entry where aggregate_identifier = ?",
                        (row, n) ->
                                row.getInt(1) + " bytes, with " + (EVENTS - 1 - row.getLong(2)) + " events after it",
                        longId)
                .stream()
                .findFirst()
                .orElse("none");
        System.out.printf(
                "  %d events stored through the command gateway in %.1f s; snapshots %s; the long history's snapshot: %s%n",
                EVENTS, (System.nanoTime() - building) / 1e9, snapshotsOff() ? "off" : "on", snapshot);
        // Measured once publication and the projections have worked off the 10,000 events.
        ProjectionCatchUp.awaitQuiet(workspace);
        Repository<NotificationPreferences> repository =
                workspace.bean(Configuration.class).repository(NotificationPreferences.class);
        TransactionManager transactions = workspace.bean(TransactionManager.class);
        return Benchmarks.rounds(
                        List.of(new Benchmarks.Spec(
                                "Loading an aggregate with 10,000 events",
                                "ms to load an aggregate with " + String.format("%,d", EVENTS) + " events (snapshots "
                                        + (snapshotsOff() ? "off" : "on") + ")",
                                "ms to load one with 1 event",
                                "ms",
                                false,
                                "a member's notification preferences (`NotificationPreferences`, snapshotted every 100"
                                        + " events, ADR 31) given " + String.format("%,d", EVENTS)
                                        + " `NotificationsRead`"
                                        + " events through the command gateway, against another member's with one; both"
                                        + " hold the same state. Each round loads each one " + LOADS
                                        + " times as a command"
                                        + " does (Axon's repository in a unit of work with a PostgreSQL transaction:"
                                        + " the newest snapshot, the events after it, the aggregate built from them),"
                                        + " rolled back; mean ms per load.")),
                        () -> new double[] {millisPerLoad(repository, transactions, longId)},
                        () -> new double[] {millisPerLoad(repository, transactions, shortId)})
                .get(0);
    }

    private static double millisPerLoad(
            Repository<NotificationPreferences> repository, TransactionManager transactions, String id) {
        long started = System.nanoTime();
        for (int i = 0; i < LOADS; i++) {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactions);
            try {
                repository.load(id).invoke(preferences -> preferences);
            } finally {
                unitOfWork.rollback();
            }
        }
        return (System.nanoTime() - started) / 1e6 / LOADS;
    }
}
