package org.collaborative.app.infrastructure.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup file is checked against its manifest before anything is restored, and only into an empty folder. */
class BackupFileTest {

    private static final byte[] ROWS = "1\tevent-1\n2\tevent-2\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    @Test
    void aCompleteBackupIsReadWithItsManifest() throws Exception {
        Path backup = write(manifest(sha256(ROWS)), ROWS, true);

        BackupManifest manifest = EmbeddedRestore.verify(backup);

        assertThat(manifest.events()).isEqualTo(2);
        assertThat(manifest.lastGlobalIndex()).isEqualTo(2);
        assertThat(manifest.tables()).singleElement().satisfies(table -> {
            assertThat(table.name()).isEqualTo("public.domain_event_entry");
            assertThat(table.rows()).isEqualTo(2);
        });
        assertThat(manifest.sequences()).containsEntry("public.domain_event_entry_seq", 2L);
    }

    @Test
    void aBackupWithoutItsManifestIsIncomplete() throws Exception {
        Path backup = write(manifest(sha256(ROWS)), ROWS, false);

        assertThatThrownBy(() -> EmbeddedRestore.verify(backup))
                .isInstanceOf(EmbeddedRestore.Refused.class)
                .hasMessageContaining("is incomplete");
    }

    @Test
    void rowsThatDoNotMatchTheirChecksumAreCorrupt() throws Exception {
        byte[] changed = "1\tevent-1\n2\tevent-X\n".getBytes(StandardCharsets.UTF_8);
        Path backup = write(manifest(sha256(ROWS)), changed, true);

        assertThatThrownBy(() -> EmbeddedRestore.verify(backup))
                .isInstanceOf(EmbeddedRestore.Refused.class)
                .hasMessageContaining("is corrupt: the checksum of tables/public.domain_event_entry.copy");
    }

    @Test
    void aTableTheManifestListsMustBeThere() throws Exception {
        Path backup = folder.resolve("backup.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(backup))) {
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest(sha256(ROWS)).toJson());
            zip.closeEntry();
        }

        assertThatThrownBy(() -> EmbeddedRestore.verify(backup))
                .isInstanceOf(EmbeddedRestore.Refused.class)
                .hasMessageContaining("has no tables/public.domain_event_entry.copy");
    }

    @Test
    void aFileCutShortIsRefused() throws Exception {
        Path backup = write(manifest(sha256(ROWS)), ROWS, true);
        byte[] whole = Files.readAllBytes(backup);
        Files.write(backup, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> EmbeddedRestore.verify(backup)).isInstanceOf(EmbeddedRestore.Refused.class);
    }

    @Test
    void anotherFormatIsRefused() throws Exception {
        BackupManifest other = manifest(sha256(ROWS));
        other = new BackupManifest(
                BackupManifest.FORMAT + 1,
                other.applicationVersion(),
                other.takenAt(),
                other.postgresVersion(),
                other.events(),
                other.lastGlobalIndex(),
                other.migrations(),
                other.tables(),
                other.sequences());
        Path backup = write(other, ROWS, true);

        assertThatThrownBy(() -> EmbeddedRestore.verify(backup))
                .isInstanceOf(EmbeddedRestore.Refused.class)
                .hasMessageContaining("format " + (BackupManifest.FORMAT + 1));
    }

    @Test
    void aRestoreGoesOnlyIntoAnEmptyFolder() throws Exception {
        EmbeddedRestore.requireEmpty(folder.resolve("not-there-yet"));
        Files.createDirectories(folder.resolve("empty"));
        EmbeddedRestore.requireEmpty(folder.resolve("empty"));
        Files.createDirectories(folder.resolve("data/postgres"));

        assertThatThrownBy(() -> EmbeddedRestore.requireEmpty(folder.resolve("data")))
                .isInstanceOf(EmbeddedRestore.Refused.class)
                .hasMessageContaining("is not empty")
                .hasMessageContaining("Nothing was changed");
    }

    @Test
    void theMigrationsOfTwoSchemasAreComparedBothWays() {
        assertThat(BackupManifest.differences(List.of("1:10", "2:20"), List.of("1:10", "2:20")))
                .isEmpty();
        assertThat(BackupManifest.differences(List.of("1:10", "2:20"), List.of("1:10", "2:21", "3:30")))
                .isEqualTo("the backup's schema has migrations this version does not have ([2:20]); this version"
                        + " has migrations the backup's schema did not have ([2:21, 3:30])");
    }

    private static BackupManifest manifest(String sha256) {
        return new BackupManifest(
                BackupManifest.FORMAT,
                "test",
                "2026-12-07T04:00:00Z",
                "17.7",
                2,
                2,
                List.of("1:123"),
                List.of(new BackupManifest.Table(
                        "public.domain_event_entry", List.of("global_index", "event_identifier"), 2, sha256)),
                Map.of("public.domain_event_entry_seq", 2L));
    }

    private Path write(BackupManifest manifest, byte[] rows, boolean withManifest) throws IOException {
        Path backup = folder.resolve("backup.zip");
        try (OutputStream out = Files.newOutputStream(backup);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(manifest.tables().get(0).entry()));
            zip.write(rows);
            zip.closeEntry();
            if (withManifest) {
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                zip.write(manifest.toJson());
                zip.closeEntry();
            }
        }
        return backup;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(EmbeddedBackup.sha256().digest(bytes));
    }
}
