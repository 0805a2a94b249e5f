package org.collaborative.app.infrastructure.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * Restores a backup ({@link EmbeddedBackup}) into an empty data folder of the embedded default: checks the file
 * against its manifest, starts PostgreSQL alone on the folder, makes the schema with this version's migrations
 * (refusing a backup whose schema had other ones), loads every table in one transaction and sets the sequences. Kafka
 * and MongoDB are not touched: the next start formats them afresh, the publisher (whose token the backup left out)
 * publishes every event to the new topic, and the projections build the views from it.
 */
public final class EmbeddedRestore {

    /** Why a restore did not happen, said for the operator; nothing was written to the data folder. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private EmbeddedRestore() {}

    /**
     * Reads the manifest and checks every entry against it: a file without the manifest is incomplete (the backup was
     * interrupted, or the file cut short); an entry missing or with another SHA-256 is corrupt.
     */
    public static BackupManifest verify(Path backup) throws Refused, IOException {
        if (!Files.isRegularFile(backup)) {
            throw new Refused("There is no backup file at " + backup);
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
            if (manifestEntry == null) {
                throw new Refused(backup + " is incomplete: it has no " + BackupManifest.ENTRY
                        + " (a backup that was interrupted, or a file cut short). Take another backup.");
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = BackupManifest.fromJson(in.readAllBytes());
            }
            if (manifest.format() != BackupManifest.FORMAT) {
                throw new Refused(backup + " is a backup of format " + manifest.format() + "; this version of"
                        + " Collaborative restores format " + BackupManifest.FORMAT);
            }
            for (BackupManifest.Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry(table.entry());
                if (entry == null) {
                    throw new Refused(
                            backup + " is corrupt: it has no " + table.entry() + ", which its manifest lists");
                }
                MessageDigest sha256 = EmbeddedBackup.sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (ZipException damaged) {
                    throw new Refused(backup + " is corrupt: " + table.entry() + " cannot be read ("
                            + damaged.getMessage() + ")");
                }
                String actual = HexFormat.of().formatHex(sha256.digest());
                if (!actual.equals(table.sha256())) {
                    throw new Refused(backup + " is corrupt: the checksum of " + table.entry() + " is " + actual
                            + ", its manifest says " + table.sha256());
                }
            }
            return manifest;
        } catch (ZipException notAZip) {
            throw new Refused(backup + " is not a backup, or is damaged: " + notAZip.getMessage());
        }
    }

    /** Refuses a data folder that holds anything: a restore never writes over or beside other data. */
    public static void requireEmpty(Path dataDirectory) throws Refused, IOException {
        if (Files.isDirectory(dataDirectory)) {
            try (Stream<Path> entries = Files.list(dataDirectory)) {
                if (entries.findAny().isPresent()) {
                    throw new Refused("The data folder " + dataDirectory + " is not empty: a backup is restored only"
                            + " into an empty folder (move this one away, or give another with"
                            + " COLLABORATIVE_EMBEDDED_DATA_DIR). Nothing was changed.");
                }
            }
        } else if (Files.exists(dataDirectory)) {
            throw new Refused(dataDirectory + " is not a folder");
        }
    }

    /**
     * Restores the backup into the empty data folder of these settings, then stops PostgreSQL. On any failure the
     * folder is emptied again. {@code restored} runs, in the restored database as the application's user, before the
     * server stops (the security log entry).
     */
    public static BackupManifest restore(Path backup, EmbeddedSettings settings, Restored restored)
            throws Refused, IOException, SQLException {
        requireEmpty(settings.dataDirectory());
        BackupManifest manifest = verify(backup);
        boolean finished = false;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(settings)) {
            String url = "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + settings.database();
            Flyway.configure()
                    .dataSource(url, settings.username(), settings.password())
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load()
                    .migrate();
            try (Connection application = DriverManager.getConnection(url, settings.username(), settings.password())) {
                String differences =
                        BackupManifest.differences(manifest.migrations(), EmbeddedBackup.migrations(application));
                if (!differences.isEmpty()) {
                    throw new Refused("This version of Collaborative cannot restore " + backup + ": " + differences
                            + ". Restore it with the version that took it (" + manifest.applicationVersion()
                            + "), start that once, then upgrade. Nothing was kept in " + settings.dataDirectory());
                }
                try (Connection superuser = postgres.superuser(settings.database())) {
                    load(backup, manifest, superuser);
                }
                long[] events = EmbeddedBackup.events(application);
                if (events[0] != manifest.events() || events[1] != manifest.lastGlobalIndex()) {
                    throw new IllegalStateException("The restored event store holds " + events[0]
                            + " events up to global index " + events[1] + ", the backup's manifest says "
                            + manifest.events() + " up to " + manifest.lastGlobalIndex());
                }
                restored.accept(application, manifest);
            }
            finished = true;
            return manifest;
        } finally {
            if (!finished) {
                empty(settings.dataDirectory());
            }
        }
    }

    /** What the caller does in the restored database before the server stops. */
    @FunctionalInterface
    public interface Restored {
        void accept(Connection application, BackupManifest manifest) throws SQLException;
    }

    /**
     * Loads every table in one transaction, as the superuser with {@code session_replication_role = replica}: the
     * foreign keys and the security log's append-only triggers do not fire, so the tables load in any order and the
     * rows the migrations made (reference data, also in the backup) are replaced.
     */
    private static void load(Path backup, BackupManifest manifest, Connection superuser)
            throws IOException, SQLException {
        superuser.setAutoCommit(false);
        try (ZipFile zip = new ZipFile(backup.toFile());
                Statement statement = superuser.createStatement()) {
            statement.execute("set local session_replication_role = replica");
            statement.execute("truncate "
                    + String.join(
                            ", ",
                            manifest.tables().stream()
                                    .map(BackupManifest.Table::name)
                                    .toList()));
            PGConnection copier = superuser.unwrap(PGConnection.class);
            for (BackupManifest.Table table : manifest.tables()) {
                try (InputStream rows = zip.getInputStream(zip.getEntry(table.entry()))) {
                    long loaded = copier.getCopyAPI()
                            .copyIn(
                                    "copy " + table.name() + " ("
                                            + String.join(", ", EmbeddedBackup.quoted(table.columns()))
                                            + ") from stdin",
                                    rows);
                    if (loaded != table.rows()) {
                        throw new IllegalStateException("Loaded " + loaded + " rows into " + table.name()
                                + ", the backup's manifest says " + table.rows());
                    }
                }
            }
            try (PreparedStatement setval = superuser.prepareStatement("select setval(?::regclass, ?, true)")) {
                for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                    setval.setString(1, sequence.getKey());
                    setval.setLong(2, sequence.getValue());
                    setval.execute();
                }
            }
            // The processors' claims belonged to the instances that ran then.
            statement.execute("update token_entry set owner = null");
            superuser.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        }
    }

    private static void empty(Path dataDirectory) throws IOException {
        if (!Files.isDirectory(dataDirectory)) {
            return;
        }
        List<Path> inside;
        try (Stream<Path> walk = Files.walk(dataDirectory)) {
            inside = walk.filter(path -> !path.equals(dataDirectory))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
        for (Path path : inside) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not empty " + dataDirectory + " after a failed restore", e);
            }
        }
    }
}
