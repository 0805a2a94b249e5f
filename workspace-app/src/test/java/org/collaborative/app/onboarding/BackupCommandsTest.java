package org.collaborative.app.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.collaborative.app.infrastructure.embedded.EmbeddedSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup and restore command lines: their settings, and what they refuse before touching any server. */
class BackupCommandsTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();

    @Test
    void theSettingsAreTheWorkspacesWithTheArgumentsFirst() {
        EmbeddedSettings settings = EmbeddedSettings.from(
                BackupCommands.environment(new String[] {"--collaborative.embedded.postgres.port=6543", "--to=x.zip"}));

        assertThat(settings.postgresPort()).isEqualTo(6543);
        assertThat(settings.database()).isEqualTo("collaborative");
        assertThat(settings.kafkaPort()).isEqualTo(9092);
    }

    @Test
    void productionIsBackedUpWithPostgresqlsOwnTools() {
        assertThat(run("backup", "--spring.profiles.active=production")).isEqualTo(OperatorCommand.USAGE_ERROR);
        assertThat(said()).contains("base backup and WAL archiving");
    }

    @Test
    void aRestoreNeedsItsFile() {
        assertThat(run("restore")).isEqualTo(OperatorCommand.USAGE_ERROR);
        assertThat(said()).startsWith("Usage: restore --from=");
    }

    @Test
    void aBackupNeverWritesOverAFile() throws Exception {
        Path existing = Files.writeString(folder.resolve("taken.zip"), "an earlier backup");

        assertThat(run("backup", "--to=" + existing)).isEqualTo(OperatorCommand.REFUSED);
        assertThat(said()).contains("exists already");
        assertThat(Files.readString(existing)).isEqualTo("an earlier backup");
    }

    @Test
    void aWorkspaceThatIsNeitherRunningNorThereIsNotBackedUp() {
        int port = freePort();

        assertThat(run(
                        "backup",
                        "--to=" + folder.resolve("taken.zip"),
                        "--collaborative.embedded.data-dir=" + folder.resolve("nothing-here"),
                        "--collaborative.embedded.postgres.port=" + port))
                .isEqualTo(OperatorCommand.REFUSED);
        assertThat(said()).contains("There is no workspace to back up");
        assertThat(folder.resolve("taken.zip")).doesNotExist();
    }

    @Test
    void aRestoreIntoAFolderInUseChangesNothing() throws Exception {
        Path data = Files.createDirectories(folder.resolve("data/postgres"));
        Path backup = Files.writeString(folder.resolve("taken.zip"), "not looked at");

        assertThat(run("restore", "--from=" + backup, "--collaborative.embedded.data-dir=" + data.getParent()))
                .isEqualTo(OperatorCommand.REFUSED);
        assertThat(said()).contains("is not empty");
        try (var inside = Files.list(data)) {
            assertThat(inside).isEmpty();
        }
    }

    private int run(String... arguments) {
        return BackupCommands.run(arguments, new PrintStream(said, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    private String said() {
        return said.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
