package org.collaborative.app.infrastructure.embedded;

import java.io.IOException;
import java.sql.SQLException;

/**
 * The embedded PostgreSQL server started on its own, without Kafka, MongoDB or the application: for the operator's
 * backup of a stopped workspace. Closing it stops the server.
 */
public final class EmbeddedPostgresAlone implements AutoCloseable {

    private final EmbeddedPostgresServer server;

    private EmbeddedPostgresAlone(EmbeddedPostgresServer server) {
        this.server = server;
    }

    public static EmbeddedPostgresAlone start(EmbeddedSettings settings) throws IOException, SQLException {
        return new EmbeddedPostgresAlone(EmbeddedPostgresServer.start(settings));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
