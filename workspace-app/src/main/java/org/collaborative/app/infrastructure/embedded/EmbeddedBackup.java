package org.collaborative.app.infrastructure.embedded;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;

/**
 * Takes a backup of the embedded default's PostgreSQL database while the workspace runs: every table that is not
 * derived from Kafka or MongoDB, read in one {@code REPEATABLE READ} transaction (one snapshot, so the event store and
 * everything beside it are as they were at one moment), each copied with {@code COPY ... TO STDOUT} into one entry of
 * a zip file, with the {@link BackupManifest} last. The file is written under a temporary name and renamed when
 * complete. See ADR 28 for what is left out and why.
 */
public final class EmbeddedBackup {

    /**
     * Left out: the schema's own history (a restore makes the schema with this version's migrations and checks it is
     * the same), and the sign-in sessions (people sign in again on a restored install).
     */
    static final Set<String> LEFT_OUT =
            Set.of("public.flyway_schema_history", "public.spring_session", "public.spring_session_attributes");

    /**
     * The rows of a table left out: the Kafka publisher's tracking token says how far the events are on a topic that
     * is not in the backup. Without it, the publisher of a restored install starts at the first event and publishes
     * them all to the new, empty topic, from which the projections build every view.
     */
    static final Map<String, String> ROWS_KEPT = Map.of("public.token_entry", "processor_name <> 'kafka-publisher'");

    static final List<String> SCHEMAS = List.of("public", "privacy");

    private EmbeddedBackup() {}

    /**
     * Writes a backup of the database behind this connection (as the application's user) to {@code file}, which must
     * not exist yet.
     */
    public static BackupManifest take(Connection connection, Path file, Instant now, String applicationVersion)
            throws IOException, SQLException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists already: give a new file name");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            // The snapshot is taken at the transaction's first query: this one.
            long[] events = events(connection);
            String postgresVersion = single(connection, "show server_version");
            List<String> migrations = migrations(connection);
            List<BackupManifest.Table> tables = new ArrayList<>();
            PGConnection copier = connection.unwrap(PGConnection.class);
            for (String table : tables(connection)) {
                if (LEFT_OUT.contains(table)) {
                    continue;
                }
                List<String> columns = columns(connection, table);
                String where = ROWS_KEPT.containsKey(table) ? " where " + ROWS_KEPT.get(table) : "";
                MessageDigest sha256 = sha256();
                zip.putNextEntry(new ZipEntry(new BackupManifest.Table(table, columns, 0, "").entry()));
                long rows = copier.getCopyAPI()
                        .copyOut(
                                "copy (select " + String.join(", ", quoted(columns)) + " from " + table + where
                                        + ") to stdout",
                                new DigestOutputStream(new KeepOpen(zip), sha256));
                zip.closeEntry();
                tables.add(new BackupManifest.Table(
                        table, columns, rows, HexFormat.of().formatHex(sha256.digest())));
            }
            Map<String, Long> sequences = sequences(connection);
            BackupManifest manifest = new BackupManifest(
                    BackupManifest.FORMAT,
                    applicationVersion,
                    now.toString(),
                    postgresVersion,
                    events[0],
                    events[1],
                    migrations,
                    tables,
                    sequences);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.finish();
            out.flush();
            connection.commit();
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Rows in the event store and the highest global index (-1 for none), as this transaction sees them. */
    static long[] events(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select count(*), coalesce(max(global_index), -1) from domain_event_entry")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    /** The applied Flyway migrations, {@code version:checksum}, in version order. */
    static List<String> migrations(Connection connection) throws SQLException {
        List<String> migrations = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version, checksum from flyway_schema_history"
                        + " where success and version is not null order by string_to_array(version, '.')::int[]")) {
            while (rows.next()) {
                migrations.add(rows.getString(1) + ":" + rows.getString(2));
            }
        }
        return migrations;
    }

    /** The tables of the application's schemas, {@code schema.table}, in name order. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select table_schema || '.' || table_name from information_schema.tables where table_type ="
                        + " 'BASE TABLE' and table_schema = any (?) order by table_schema, table_name")) {
            query.setArray(1, connection.createArrayOf("text", SCHEMAS.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /** A table's columns in their order, generated ones left out (PostgreSQL computes them again). */
    static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select attname from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped"
                        + " and attgenerated = '' order by attnum")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** Each sequence's last value, {@code schema.sequence}; one never used is left out. */
    static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select schemaname || '.' || sequencename, last_value from pg_sequences where schemaname = any (?)"
                        + " and last_value is not null order by 1")) {
            query.setArray(1, connection.createArrayOf("text", SCHEMAS.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sequences.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return sequences;
    }

    static List<String> quoted(List<String> columns) {
        return columns.stream()
                .map(column -> "\"" + column.replace("\"", "\"\"") + "\"")
                .toList();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The zip stays open when the copy closes what it wrote to. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
