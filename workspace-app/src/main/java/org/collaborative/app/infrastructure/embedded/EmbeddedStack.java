package org.collaborative.app.infrastructure.embedded;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: PostgreSQL, a Kafka broker and a MongoDB wire-protocol server, all on 127.0.0.1 with their
 * data under one folder. One stack per JVM; it serves the workspace app in this JVM and the projections application
 * over the same loopback ports.
 *
 * <p>The three servers start side by side in the background while the application context is built; a bean that
 * connects to one of them waits for that one only ({@link #awaitPostgres()} and so on).
 */
public final class EmbeddedStack {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);
    private static EmbeddedStack running;

    private final EmbeddedSettings settings;
    private final CompletableFuture<EmbeddedPostgresServer> postgres;
    private volatile CompletableFuture<EmbeddedKafkaBroker> kafka;
    private final CompletableFuture<EmbeddedMongoServer> mongo;

    private EmbeddedStack(EmbeddedSettings settings) {
        this.settings = settings;
        long started = System.nanoTime();
        this.postgres = starting("PostgreSQL", started, () -> EmbeddedPostgresServer.start(settings));
        this.kafka = starting("Kafka", started, () -> EmbeddedKafkaBroker.start(settings));
        this.mongo = starting("MongoDB", started, () -> EmbeddedMongoServer.start(settings));
    }

    /** Starts the three servers in the background, or returns the stack already running in this JVM. */
    public static synchronized EmbeddedStack start(EmbeddedSettings settings) {
        if (running != null) {
            if (!running.settings.equals(settings)) {
                throw new IllegalStateException(
                        "An embedded stack with other settings is already running: " + running.settings);
            }
            return running;
        }
        running = new EmbeddedStack(settings);
        return running;
    }

    /** The stack running in this JVM, if any. */
    public static synchronized java.util.Optional<EmbeddedStack> current() {
        return java.util.Optional.ofNullable(running);
    }

    public void awaitPostgres() {
        await(postgres);
    }

    public void awaitKafka() {
        await(kafka);
    }

    public void awaitMongo() {
        await(mongo);
    }

    /** Stops the broker alone, as an outage would; the stores keep running. */
    public synchronized void stopKafka() {
        kafka.join().close();
    }

    /** Starts the broker again on the same data after {@link #stopKafka()}. */
    public synchronized void startKafka() {
        long started = System.nanoTime();
        kafka = starting("Kafka", started, () -> EmbeddedKafkaBroker.start(settings));
        awaitKafka();
    }

    /** What the MongoDB stand-in found that no declared index would serve on a real MongoDB (see ViewIndexes). */
    public UnindexedQueries unindexedQueries() {
        await(mongo);
        return mongo.join().unindexedQueries();
    }

    public void awaitAll() {
        awaitPostgres();
        awaitKafka();
        awaitMongo();
    }

    /** Stops the stack running in this JVM, if any: Kafka first (its clients are gone by now), then the stores. */
    public static synchronized void stop() {
        if (running == null) {
            return;
        }
        for (CompletableFuture<? extends AutoCloseable> server :
                List.of(running.kafka, running.postgres, running.mongo)) {
            try {
                server.join().close();
            } catch (CompletionException failedToStart) {
                // Nothing to stop.
            } catch (Exception e) {
                log.warn("Could not stop an embedded server cleanly", e);
            }
        }
        running = null;
        log.info("Embedded stack stopped");
    }

    private static void await(CompletableFuture<?> server) {
        try {
            server.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("An embedded server could not start", e.getCause());
        }
    }

    private interface Starter<T> {
        T start() throws Exception;
    }

    private static <T> CompletableFuture<T> starting(String name, long since, Starter<T> starter) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                T server = starter.start();
                log.info("Embedded {} up after {} ms", name, (System.nanoTime() - since) / 1_000_000);
                return server;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }
}
