package org.collaborative.app.infrastructure.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does with a {@code postmaster.pid} it finds, short of a real orphan (which {@code DurabilityIT} makes
 * by killing the app's JVM): nothing to do, a server that died with its JVM, a live process that is not a PostgreSQL
 * server of the folder, and a folder in use by another running copy.
 */
class OrphanedPostgresTest {

    @TempDir
    Path directory;

    @Test
    void startsAsUsualWithoutAPidFile() {
        assertThatCode(() -> OrphanedPostgres.stopIfAny(directory)).doesNotThrowAnyException();
    }

    @Test
    void leavesAServerThatIsGoneToRecoverByItself() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        pidFile(finished.pid());

        assertThatCode(() -> OrphanedPostgres.stopIfAny(directory)).doesNotThrowAnyException();
        assertThat(directory.resolve("postmaster.pid")).exists();
    }

    @Test
    void refusesWhenThePidFileNamesALiveProcessThatIsNotAPostgresServerOfTheFolder() throws Exception {
        pidFile(ProcessHandle.current().pid());

        assertThatThrownBy(() -> OrphanedPostgres.stopIfAny(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names process " + ProcessHandle.current().pid())
                .hasMessageContaining("is not a PostgreSQL server of " + directory);
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void refusesWhenAnotherRunningCopyHoldsTheFolder() throws Exception {
        pidFile(ProcessHandle.current().pid());
        try (FileChannel lockFile = FileChannel.open(
                        directory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lockFile.lock()) {
            assertThatThrownBy(() -> OrphanedPostgres.stopIfAny(directory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running copy of Collaborative");
        }
    }

    private void pidFile(long pid) throws IOException {
        Files.writeString(directory.resolve("postmaster.pid"), pid + "\n" + directory + "\n1733490000\n54329\n");
    }
}
