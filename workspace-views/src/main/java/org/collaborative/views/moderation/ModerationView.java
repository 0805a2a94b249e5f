package org.collaborative.views.moderation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * Everything moderation did to one item, comment or answer ({@code moderation} collection): its open reports (those since it
 * was last hidden), whether it is hidden now, and the log of every report, hide and restore. Only items that were ever
 * reported or hidden have one, so the collection stays small: pages look up what is hidden in a group here.
 *
 * @param itemType {@code question}, {@code evidence}, {@code proposal}, {@code comment} or {@code answer}
 * @param parentItemId for a comment, the item it is on; for an answer, its question (whose page shows it); otherwise
 *     null
 * @param hidden who hid it, when and why; null while it is shown
 * @param openReports reports not yet settled by hiding the item, oldest first
 * @param log every report, hide and restore, oldest first
 * @param lastActivity the time of the latest log entry, for ordering
 */
public record ModerationView(
        @Id String id,
        String itemType,
        String parentItemId,
        String groupId,
        Hidden hidden,
        List<Report> openReports,
        List<Entry> log,
        Instant lastActivity,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<ModerationView> {

    public static final String COLLECTION = "moderation";

    public ModerationView {
        openReports = openReports == null ? List.of() : openReports;
        log = log == null ? List.of() : log;
    }

    public record Hidden(String by, String reason, Instant at) {}

    public record Report(String reportId, String reason, String by, String organisationId, Instant at) {}

    /**
     * @param action {@code reported}, {@code hid} or {@code restored}
     * @param event the event's id
     */
    public record Entry(String action, String by, String organisationId, String reason, Instant at, String event) {}

    /** The page that shows it: the item's own, or for a comment or an answer the page of its item. */
    public String pageItemId() {
        return parentItemId == null ? id : parentItemId;
    }
}
