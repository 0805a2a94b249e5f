package org.collaborative.app.infrastructure.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: PostgreSQL, a Kafka broker and a MongoDB wire-protocol server, all on 127.0.0.1 with their
 * data under one folder. One stack per JVM; it serves the workspace app in this JVM and the projections application
 * over the same loopback ports.
 */
public final class EmbeddedStack {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);
    private static EmbeddedStack running;

    private final EmbeddedSettings settings;
    private final List<AutoCloseable> servers;

    private EmbeddedStack(EmbeddedSettings settings, List<AutoCloseable> servers) {
        this.settings = settings;
        this.servers = servers;
    }

    /** Starts the three servers side by side, or returns the stack already running in this JVM. */
    public static synchronized EmbeddedStack start(EmbeddedSettings settings) {
        if (running != null) {
            if (!running.settings.equals(settings)) {
                throw new IllegalStateException("An embedded stack with other settings is already running: "
                        + running.settings);
            }
            return running;
        }
        long started = System.nanoTime();
        CompletableFuture<EmbeddedPostgresServer> postgres =
                CompletableFuture.supplyAsync(() -> unchecked(() -> EmbeddedPostgresServer.start(settings)));
        CompletableFuture<EmbeddedKafkaBroker> kafka =
                CompletableFuture.supplyAsync(() -> unchecked(() -> EmbeddedKafkaBroker.start(settings)));
        CompletableFuture<EmbeddedMongoServer> mongo =
                CompletableFuture.supplyAsync(() -> unchecked(() -> EmbeddedMongoServer.start(settings)));
        List<AutoCloseable> servers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<? extends AutoCloseable> server : List.of(postgres, kafka, mongo)) {
            try {
                servers.add(server.join());
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }
        if (!failures.isEmpty()) {
            closeAll(servers);
            IllegalStateException failure =
                    new IllegalStateException("The embedded stack could not start", failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        running = new EmbeddedStack(settings, servers);
        log.info(
                "Embedded stack up in {} ms: PostgreSQL 127.0.0.1:{}, Kafka 127.0.0.1:{}, MongoDB 127.0.0.1:{}, data in {}",
                (System.nanoTime() - started) / 1_000_000,
                settings.postgresPort(),
                settings.kafkaPort(),
                settings.mongoPort(),
                settings.dataDirectory());
        return running;
    }

    /** Stops the stack running in this JVM, if any: Kafka first (it has clients' state to flush), then the stores. */
    public static synchronized void stop() {
        if (running == null) {
            return;
        }
        List<AutoCloseable> inStopOrder = new ArrayList<>(running.servers);
        inStopOrder.sort((a, b) -> Boolean.compare(!(a instanceof EmbeddedKafkaBroker), !(b instanceof EmbeddedKafkaBroker)));
        closeAll(inStopOrder);
        running = null;
        log.info("Embedded stack stopped");
    }

    public static synchronized boolean isRunning() {
        return running != null;
    }

    public EmbeddedSettings settings() {
        return settings;
    }

    private static void closeAll(List<AutoCloseable> servers) {
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Could not stop {} cleanly", server.getClass().getSimpleName(), e);
            }
        }
    }

    private interface Starter<T> {
        T start() throws Exception;
    }

    private static <T> T unchecked(Starter<T> starter) {
        try {
            return starter.start();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
