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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real PostgreSQL binaries (from Maven) on loopback, keeping their data directory between runs.
 *
 * <p>The server is a process of its own (started by {@code pg_ctl}, in a session of its own), so it outlives a JVM
 * that dies without running its shutdown hooks. Before starting, {@link OrphanedPostgres} stops such a leftover
 * server of this data directory; after starting, {@link #verify} makes sure the server that answers is the one just
 * started, on this data directory, with the settings asked for. It never serves from anything else.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    /** The settings that decide whether a commit PostgreSQL acknowledges survives a crash of the machine. */
    static final List<String> DURABILITY_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(EmbeddedSettings settings) throws IOException, SQLException {
        Path directory = settings.dataDirectory().resolve("postgres");
        Files.createDirectories(directory);
        Path log = settings.dataDirectory().resolve("logs").resolve("postgres.log");
        Files.createDirectories(log.getParent());
        OrphanedPostgres.stopIfAny(directory);
        Map<String, String> durability = durability(settings.durable());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory.toFile())
                .setCleanDataDirectory(false)
                .setPort(settings.postgresPort())
                // EmbeddedStack stops the server after the application contexts have closed; the library's own hook
                // would stop it at the same moment as they start closing, under the feet of the last transactions.
                .setRegisterShutdownHook(false)
                // The server's own log, kept in a file that outlives this JVM (as the server may).
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("encoding", "UTF8");
        durability.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        try {
            server.verify(directory, durability, settings.postgresPort(), log);
            server.ensureDatabase(settings);
        } catch (RuntimeException | SQLException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * On unless the tests ask otherwise. The library starts PostgreSQL with {@code -F} (no fsync) and
     * {@code synchronous_commit=off}, which suit throw-away test databases; the {@code -c} settings given here come
     * after them on the command line and win.
     */
    static Map<String, String> durability(boolean durable) {
        String value = durable ? "on" : "off";
        Map<String, String> settings = new LinkedHashMap<>();
        DURABILITY_SETTINGS.forEach(name -> settings.put(name, value));
        return settings;
    }

    /**
     * Refuses a server that is not the one just started with these settings: {@code pg_ctl} must have started it
     * (it fails if another server holds the data directory or the port, while the port may still answer), and the
     * server that answers must run on this data directory with the durability settings asked for.
     */
    private void verify(Path directory, Map<String, String> expected, int port, Path log) throws SQLException {
        Process pgCtl = postgres.getProcess();
        try {
            if (!pgCtl.waitFor(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("pg_ctl did not finish starting PostgreSQL on " + directory);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while PostgreSQL was starting", e);
        }
        if (pgCtl.exitValue() != 0) {
            throw new IllegalStateException("PostgreSQL could not start on " + directory + " (pg_ctl exited with "
                    + pgCtl.exitValue() + "; see " + log + "). Is another server using port " + port + "?");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            String dataDirectory = show(statement, "data_directory");
            if (!sameDirectory(Path.of(dataDirectory), directory)) {
                throw new IllegalStateException("The PostgreSQL server on port " + port + " serves " + dataDirectory
                        + ", not " + directory + ": refusing to use it");
            }
            for (Map.Entry<String, String> setting : expected.entrySet()) {
                String actual = show(statement, setting.getKey());
                if (!actual.equals(setting.getValue())) {
                    throw new IllegalStateException("The PostgreSQL server on port " + port + " runs with "
                            + setting.getKey() + "=" + actual + " where " + setting.getValue()
                            + " was asked for: refusing to use it");
                }
            }
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet row = statement.executeQuery("show " + setting)) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
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

    /** A connection to this database as PostgreSQL's superuser, for a restore ({@link EmbeddedRestore}). */
    Connection superuser(String database) throws SQLException {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    Map<String, String> describe() {
        return Map.of("postgres", "127.0.0.1:" + postgres.getPort());
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
