package org.collaborative.app.infrastructure.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Real PostgreSQL binaries (from Maven) on loopback, keeping their data directory between runs. */
final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(EmbeddedSettings settings) throws IOException, SQLException {
        Path directory = settings.dataDirectory().resolve("postgres");
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory.toFile())
                .setCleanDataDirectory(false)
                .setPort(settings.postgresPort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("encoding", "UTF8")
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        server.ensureDatabase(settings);
        return server;
    }

    /** Creates the application's role and database on first start; later starts find them in place. */
    private void ensureDatabase(EmbeddedSettings settings) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", settings.username())) {
                statement.execute("create role " + identifier(settings.username()) + " login password "
                        + literal(settings.password()));
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", settings.database())) {
                statement.execute("create database " + identifier(settings.database()) + " owner "
                        + identifier(settings.username()) + " encoding 'UTF8'");
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    Map<String, String> describe() {
        return Map.of("postgres", "127.0.0.1:" + postgres.getPort());
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
