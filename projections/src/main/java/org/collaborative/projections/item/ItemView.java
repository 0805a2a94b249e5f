package org.collaborative.projections.item;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One question, piece of evidence or proposal with everything that happened to it, each part stamped with its time,
 * so that the page can show it now or "as it stood on" any date by leaving out what came later. Comments are other
 * aggregates and may arrive before their item: the document is filled in whatever order the partitions deliver.
 *
 * @param status the current state: a question's OPEN / CLOSED, a proposal's stage, evidence's CURRENT
 * @param versions evidence's content, first as submitted then after each revision
 * @param statuses each change of {@code status}, oldest first
 * @param history who did what, when: every event that shaped the item, oldest first
 * @param hidden why and by whom a facilitator hid the item; null while it is shown
 */
public record ItemView(
        @Id String id,
        String type,
        String groupId,
        String themeId,
        String title,
        String body,
        String authorId,
        String organisationId,
        Instant createdAt,
        String status,
        String form,
        List<EvidenceVersion> versions,
        List<StatusChange> statuses,
        List<Answer> answers,
        List<Acceptance> acceptances,
        List<Reaction> endorsements,
        List<Challenge> challenges,
        List<Link> links,
        List<Comment> comments,
        List<HistoryEntry> history,
        Hidden hidden,
        Map<String, Long> applied,
        @Version Long version)
        implements View<ItemView> {

    public record EvidenceVersion(
            Instant at, String by, String title, String summary, String source, String kind, int level) {}

    /** @param note a decision's rationale or a withdrawal's reason */
    public record StatusChange(Instant at, String by, String status, String note) {}

    public record Answer(String answerId, String body, String by, String organisationId, Instant at) {}

    public record Acceptance(String answerId, String by, Instant at) {}

    public record Reaction(String memberId, String organisationId, Instant at) {}

    public record Challenge(String challengeId, String memberId, String organisationId, String reason, Instant at) {}

    public record Link(String evidenceId, String by, Instant at) {}

    /** @param hidden why and by whom a facilitator hid the comment; null while it is shown */
    public record Comment(String commentId, String body, String by, String organisationId, Instant at, Hidden hidden) {

        Comment withHidden(Hidden hidden) {
            return new Comment(commentId, body, by, organisationId, at, hidden);
        }
    }

    /** A facilitator's (or an administrator's) decision to hide an item or a comment. */
    public record Hidden(String by, String reason, Instant at) {}

    /**
     * @param action what happened, in words for the page ("endorsed", "challenged", ...)
     * @param event the event's id, which orders entries at the same instant
     */
    public record HistoryEntry(
            Instant at, String memberId, String organisationId, String action, String detail, String event) {}

    @Override
    public ItemView withApplied(Map<String, Long> applied) {
        return new ItemView(
                id,
                type,
                groupId,
                themeId,
                title,
                body,
                authorId,
                organisationId,
                createdAt,
                status,
                form,
                versions,
                statuses,
                answers,
                acceptances,
                endorsements,
                challenges,
                links,
                comments,
                history,
                hidden,
                applied,
                version);
    }
}
