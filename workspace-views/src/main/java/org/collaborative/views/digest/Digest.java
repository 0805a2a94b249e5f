package org.collaborative.views.digest;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One member's digest for one week, in the {@code digests} collection. Its id is the member id and the ISO week
 * ({@code <memberId>:2026-W14}), so there is at most one per member per week whoever makes it; a preview's id is the
 * member id and {@code preview-} with the moment asked for.
 *
 * <p>States: COMPOSING (claimed by a projections instance, {@code claimedBy}); then EMPTY (nothing relevant happened:
 * nothing is shown or sent), KEPT (in the app and feed only, the member does not want it emailed) or READY (to be
 * emailed); a web instance then claims it (SENDING, {@code sendingBy}) and records SENT, or puts it back with the error
 * until it gives up (FAILED). A preview is REQUESTED by the web app, then PREVIEW or EMPTY. See
 * docs/adr/0012-weekly-digest.md.
 *
 * @param kind CHIEF_EXECUTIVE (ranked for their council) or MEMBER ("what changed in your groups")
 * @param rest the entries the cap left out, ranked the same way, so that "N more" can list them
 * @param total how many entries there were before the cap
 */
public record Digest(
        @Id String id,
        String memberId,
        String organisationId,
        String organisationName,
        String kind,
        String week,
        Instant from,
        Instant due,
        String state,
        String claimedBy,
        Instant claimedAt,
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

    /** One group of entries: a category of the ranking, newest first. */
    public record Section(String category, String heading, List<Entry> entries) {}

    /**
     * @param why one sentence: why this is in the reader's digest
     * @param link the page where they act on it
     */
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
