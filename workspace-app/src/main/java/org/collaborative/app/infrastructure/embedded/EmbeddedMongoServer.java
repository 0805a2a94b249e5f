package org.collaborative.app.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) persisting to an H2 MVStore file. A stand-in for MongoDB in the
 * embedded default only: view code keeps to CRUD and simple aggregation so it runs the same on a real replica set.
 *
 * <p>Its H2 backend ({@link DurableRenameH2Backend}) is the library's with a rename that survives a restart, and with
 * each command's changes committed to the file before it is answered, as MongoDB does with its journal: the
 * projections commit their Kafka offsets once a write is acknowledged, so a write the MVStore still held in memory
 * when the JVM died would be a gap in a view for good.
 */
final class EmbeddedMongoServer implements AutoCloseable {

    /**
     * mongo-java-server runs each command on the Netty worker that received it, without locking documents: with more
     * than one worker, two conditional updates ({@code {_id, version}}) of one document can both succeed and one is
     * lost. One worker serialises commands, which gives the per-document atomicity that MongoDB guarantees and that
     * the views' optimistic versioning relies on.
     */
    static final int WORKER_THREADS = 1;

    private final MongoServer server;
    private final UnindexedQueries unindexedQueries;

    private EmbeddedMongoServer(MongoServer server, UnindexedQueries unindexedQueries) {
        this.server = server;
        this.unindexedQueries = unindexedQueries;
    }

    static EmbeddedMongoServer start(EmbeddedSettings settings) throws IOException {
        Path directory = settings.dataDirectory().resolve("mongo");
        Files.createDirectories(directory);
        DurableRenameH2Backend backend =
                new DurableRenameH2Backend(directory.resolve("views.mv").toString(), settings.durable());
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", settings.mongoPort()), 1, WORKER_THREADS);
        return new EmbeddedMongoServer(server, backend.unindexedQueries());
    }

    UnindexedQueries unindexedQueries() {
        return unindexedQueries;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
