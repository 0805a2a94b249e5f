package org.collaborative.app.infrastructure.embedded;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a backup of the embedded default holds ({@link EmbeddedBackup}), written last into the backup file as
 * {@value #ENTRY}: a backup without it is incomplete. Each table's rows are one entry of the file, with its SHA-256
 * here; a restore refuses a backup whose entries do not match.
 *
 * @param format the layout of the file ({@value #FORMAT}); a restore refuses any other
 * @param applicationVersion the version of Collaborative that took it
 * @param takenAt when the snapshot was taken (ISO-8601, UTC)
 * @param postgresVersion the server's {@code server_version}
 * @param events rows of {@code domain_event_entry} in the snapshot
 * @param lastGlobalIndex the highest global index among them (-1 for none)
 * @param migrations the schema's applied Flyway migrations, {@code version:checksum}, in version order: a restore
 *     needs the same ones
 * @param tables the tables copied, in the order they were copied
 * @param sequences each sequence's last value when the snapshot was taken (absent: never used)
 */
public record BackupManifest(
        int format,
        String applicationVersion,
        String takenAt,
        String postgresVersion,
        long events,
        long lastGlobalIndex,
        List<String> migrations,
        List<Table> tables,
        Map<String, Long> sequences) {

    public static final int FORMAT = 1;
    public static final String ENTRY = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One table's rows, as PostgreSQL's {@code COPY ... TO STDOUT} text format writes them.
     *
     * @param name {@code schema.table}
     * @param columns the columns copied, in the order of the rows
     * @param rows how many rows were copied
     * @param sha256 the SHA-256 of the entry, hex
     */
    public record Table(String name, List<String> columns, long rows, String sha256) {

        /** The entry of the backup file that holds the rows. */
        public String entry() {
            return "tables/" + name + ".copy";
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the backup manifest", e);
        }
    }

    public static BackupManifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, BackupManifest.class);
    }

    /** The migrations one schema has and the other lacks, said for an operator; empty when they are the same. */
    public static String differences(List<String> backup, List<String> here) {
        TreeSet<String> onlyInBackup = new TreeSet<>(backup);
        onlyInBackup.removeAll(here);
        TreeSet<String> onlyHere = new TreeSet<>(here);
        onlyHere.removeAll(backup);
        StringBuilder said = new StringBuilder();
        if (!onlyInBackup.isEmpty()) {
            said.append("the backup's schema has migrations this version does not have (")
                    .append(onlyInBackup)
                    .append(")");
        }
        if (!onlyHere.isEmpty()) {
            said.append(said.isEmpty() ? "" : "; ")
                    .append("this version has migrations the backup's schema did not have (")
                    .append(onlyHere)
                    .append(")");
        }
        return said.toString();
    }
}
