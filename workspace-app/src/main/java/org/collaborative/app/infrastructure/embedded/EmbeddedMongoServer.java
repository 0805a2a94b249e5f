package org.collaborative.app.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) persisting to an H2 MVStore file. A stand-in for MongoDB in the
 * embedded default only: view code keeps to CRUD and simple aggregation so it runs the same on a real replica set.
 */
final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;

    private EmbeddedMongoServer(MongoServer server) {
        this.server = server;
    }

    static EmbeddedMongoServer start(EmbeddedSettings settings) throws IOException {
        Path directory = settings.dataDirectory().resolve("mongo");
        Files.createDirectories(directory);
        MongoServer server = new MongoServer(new H2Backend(directory.resolve("views.mv").toString()));
        server.bind("127.0.0.1", settings.mongoPort());
        return new EmbeddedMongoServer(server);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
