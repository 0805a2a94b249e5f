package org.collaborative.app.onboarding;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.collaborative.app.infrastructure.embedded.BackupManifest;
import org.collaborative.app.infrastructure.embedded.EmbeddedBackup;
import org.collaborative.app.infrastructure.embedded.EmbeddedPostgresAlone;
import org.collaborative.app.infrastructure.embedded.EmbeddedRestore;
import org.collaborative.app.infrastructure.embedded.EmbeddedSettings;
import org.collaborative.app.member.Member;
import org.collaborative.app.personaldata.SecurityLog;
import org.slf4j.LoggerFactory;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The operator's backup and restore of the embedded default (ADR 28), beside {@link OperatorCommand}:
 *
 * <ul>
 *   <li>{@code backup [--to=<file>]}: a consistent copy of the PostgreSQL database (the event store and every table
 *       that is not derived) into one file, taken while the workspace runs, or on a stopped one (PostgreSQL is then
 *       started alone for the time it takes);
 *   <li>{@code restore --from=<file>}: into an empty data folder; the next start publishes every event to a new topic
 *       and the projections build the views from it.
 * </ul>
 *
 * Both take the embedded settings as the workspace does ({@code COLLABORATIVE_EMBEDDED_DATA_DIR} and the other
 * environment variables, or {@code --collaborative.embedded.<name>=<value>}), without starting the application: Kafka
 * and MongoDB are not in a backup. Both are in the security log. Exit status 0 done, 1 failed, 2 bad arguments, 3
 * refused.
 */
public final class BackupCommands {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";
    public static final int FAILED = 1;

    private BackupCommands() {}

    public static boolean handles(String command) {
        return BACKUP.equals(command) || RESTORE.equals(command);
    }

    /** Runs {@code backup} or {@code restore} (the first argument); returns the exit status. */
    public static int run(String[] args, PrintStream out, Clock clock) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ConfigurableEnvironment environment = environment(Arrays.copyOfRange(args, 1, args.length));
        // Not collaborative.embedded.enabled: beside a running workspace it is false, as for create-administrator.
        if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
            out.println(args[0] + " is for the embedded default. In production, back up PostgreSQL with its own tools"
                    + " (base backup and WAL archiving): see docs/operations.md, \"Backup and restore\".");
            return OperatorCommand.USAGE_ERROR;
        }
        EmbeddedSettings settings = EmbeddedSettings.from(environment);
        try {
            if (BACKUP.equals(args[0])) {
                String to = environment.getProperty("to");
                Path file = to != null
                        ? Path.of(to)
                        : Path.of("backups", "collaborative-" + STAMP.format(clock.instant()) + ".zip");
                return backup(settings, file.toAbsolutePath().normalize(), out, clock);
            }
            String from = environment.getProperty("from");
            if (from == null) {
                out.println("Usage: restore --from=<backup file> [--collaborative.embedded.data-dir=<empty folder>]");
                return OperatorCommand.USAGE_ERROR;
            }
            return restore(settings, Path.of(from).toAbsolutePath().normalize(), out, clock);
        } catch (IOException | SQLException | RuntimeException e) {
            out.println(args[0] + " failed: " + e);
            return FAILED;
        }
    }

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static int backup(EmbeddedSettings settings, Path file, PrintStream out, Clock clock)
            throws IOException, SQLException {
        if (Files.exists(file)) {
            out.println(file + " exists already: give another file with --to=<file>. Nothing was changed.");
            return OperatorCommand.REFUSED;
        }
        Connection connection;
        EmbeddedPostgresAlone started = null;
        try {
            connection = connect(settings);
        } catch (SQLException notRunning) {
            if (!(notRunning.getCause() instanceof ConnectException)) {
                throw notRunning;
            }
            if (!Files.isDirectory(settings.dataDirectory().resolve("postgres"))) {
                out.println("There is no workspace to back up: nothing answers on PostgreSQL's port "
                        + settings.postgresPort() + " and " + settings.dataDirectory() + " holds no PostgreSQL data.");
                return OperatorCommand.REFUSED;
            }
            started = EmbeddedPostgresAlone.start(settings);
            connection = connect(settings);
        }
        try (EmbeddedPostgresAlone stop = started;
                Connection open = connection) {
            BackupManifest manifest = EmbeddedBackup.take(open, file, clock.instant(), version());
            securityLog(open)
                    .append(
                            clock.instant(),
                            SecurityLog.Kind.BACKUP_TAKEN,
                            null,
                            Member.OPERATOR,
                            "Backup of " + manifest.events() + " events, up to global index "
                                    + manifest.lastGlobalIndex(),
                            null);
            out.println("Backed up " + manifest.events() + " events (up to global index " + manifest.lastGlobalIndex()
                    + ") and " + manifest.tables().size() + " tables, as they were at " + manifest.takenAt() + ", to "
                    + file + (started == null ? " while the workspace ran." : "."));
            return OperatorCommand.DONE;
        }
    }

    private static int restore(EmbeddedSettings settings, Path file, PrintStream out, Clock clock)
            throws IOException, SQLException {
        try {
            BackupManifest manifest = EmbeddedRestore.restore(
                    file,
                    settings,
                    (connection, restored) -> securityLog(connection)
                            .append(
                                    clock.instant(),
                                    SecurityLog.Kind.RESTORED,
                                    null,
                                    Member.OPERATOR,
                                    "Restored the backup taken at " + restored.takenAt() + " (" + restored.events()
                                            + " events)",
                                    null));
            out.println("Restored " + manifest.events() + " events (up to global index " + manifest.lastGlobalIndex()
                    + "), as they were at " + manifest.takenAt() + ", into " + settings.dataDirectory() + ". Start"
                    + " the workspace as usual: it publishes every event again to a new topic and the projections"
                    + " build every view from it (pages fill in as they catch up).");
            return OperatorCommand.DONE;
        } catch (EmbeddedRestore.Refused refused) {
            out.println(refused.getMessage());
            return OperatorCommand.REFUSED;
        }
    }

    private static Connection connect(EmbeddedSettings settings) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + settings.database(),
                settings.username(),
                settings.password());
    }

    private static SecurityLog securityLog(Connection connection) {
        return new SecurityLog(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
    }

    private static String version() {
        String version = BackupCommands.class.getPackage().getImplementationVersion();
        return version == null ? "built from source" : version;
    }

    /**
     * The settings as the workspace would read them, without starting it: the arguments, then the environment
     * variables and system properties, then application.yml's defaults.
     */
    static ConfigurableEnvironment environment(String[] arguments) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(arguments));
        try {
            List<org.springframework.core.env.PropertySource<?>> yaml =
                    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
            environment.getPropertySources().addLast(yaml.get(0));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read application.yml", e);
        }
        return environment;
    }
}
