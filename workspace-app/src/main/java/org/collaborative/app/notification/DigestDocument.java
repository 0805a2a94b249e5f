package org.collaborative.app.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A digest as the workspace reads it from the {@code digests} collection, which the projections write (their
 * {@code Digest}); the web app adds only the sending fields. See docs/adr/0010-weekly-digest.md for the states.
 */
public record DigestDocument(
        @Id String id,
        String memberId,
        String organisationId,
        String organisationName,
        String kind,
        String week,
        Instant from,
        Instant due,
        String state,
        Instant composedAt,
        String subject,
        List<Section> sections,
        List<Section> rest,
        int total,
        String sendingBy,
        Instant sendingAt,
        Instant sentAt,
        int attempts,
        String lastError) {

    public static final String COLLECTION = "digests";

    public record Section(String category, String heading, List<Entry> entries) {}

    public record Entry(String id, String title, String why, String link, Instant at) {}

    public boolean isPreview() {
        return id.contains(":preview-");
    }

    public boolean isReady() {
        return List.of("READY", "SENDING", "SENT", "KEPT", "FAILED", "PREVIEW").contains(state);
    }

    public boolean isChiefExecutives() {
        return "CHIEF_EXECUTIVE".equals(kind);
    }

    public int shown() {
        return sections == null
                ? 0
                : sections.stream().mapToInt(s -> s.entries().size()).sum();
    }

    /** How many were left out by the cap. */
    public int more() {
        return Math.max(0, total - shown());
    }
}
