package org.collaborative.views.item;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * One question, piece of evidence or proposal ({@code items} collection) with everything that happened to it, each
 * part stamped with its time, so that the page can show it now or "as it stood on" any date by leaving out what came
 * later. Comments are other aggregates and may arrive before their item: the document is filled in whatever order the
 * partitions deliver.
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
        Origin origin,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<ItemView> {

    public static final String COLLECTION = "items";

    public record EvidenceVersion(
            Instant at, String by, String title, String summary, String source, String kind, int level) {}

    /** @param note a decision's rationale or a withdrawal's reason */
    public record StatusChange(Instant at, String by, String status, String note) {}

    /** @param hidden why and by whom a facilitator hid the answer; null while it is shown */
    public record Answer(String answerId, String body, String by, String organisationId, Instant at, Hidden hidden) {

        public Answer withHidden(Hidden hidden) {
            return new Answer(answerId, body, by, organisationId, at, hidden);
        }

        /**
         * The answer as readers see it while it is hidden: who wrote it, when, and when it was hidden; not what it said,
         * nor the moderator's reason (which may repeat it) or name.
         */
        public Answer withoutText() {
            return new Answer(answerId, "", by, organisationId, at, new Hidden(null, null, hidden.at()));
        }
    }

    public record Acceptance(String answerId, String by, Instant at) {}

    public record Reaction(String memberId, String organisationId, Instant at) {}

    public record Challenge(String challengeId, String memberId, String organisationId, String reason, Instant at) {}

    public record Link(String evidenceId, String by, Instant at) {}

    /**
     * Where a proposal drafted at a retreat came from: the session's live board and the cluster (or the single card)
     * it was made from (docs/adr/0021-live-boards.md). Null for an item drafted in its group.
     */
    public record Origin(String retreatId, String sessionId, String clusterId, String cardId) {}

    /** @param hidden why and by whom a facilitator hid the comment; null while it is shown */
    public record Comment(String commentId, String body, String by, String organisationId, Instant at, Hidden hidden) {

        public Comment withHidden(Hidden hidden) {
            return new Comment(commentId, body, by, organisationId, at, hidden);
        }
    }

    /** A facilitator's (or an administrator's) decision to hide an item, a comment or an answer. */
    public record Hidden(String by, String reason, Instant at) {}

    /**
     * @param action what happened, in words for the page ("endorsed", "challenged", ...)
     * @param event the event's id, which orders entries at the same instant
     */
    public record HistoryEntry(
            Instant at, String memberId, String organisationId, String action, String detail, String event) {}

    /**
     * The item without its hidden comments, and its hidden answers without their text: what people who do not moderate
     * its group see (a hidden answer stays in its place, marked as hidden).
     */
    public ItemView asReadersSeeIt() {
        return with(
                "answers",
                answers.stream()
                        .map(answer -> answer.hidden() == null ? answer : answer.withoutText())
                        .toList(),
                "comments",
                comments.stream().filter(comment -> comment.hidden() == null).toList());
    }

    /** The latest version of a piece of evidence (null for other items). */
    public EvidenceVersion current() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    public Integer level() {
        EvidenceVersion current = current();
        return current == null ? null : current.level();
    }

    public String acceptedAnswerId() {
        return acceptances.isEmpty()
                ? null
                : acceptances.get(acceptances.size() - 1).answerId();
    }

    public boolean endorsedBy(String memberId) {
        return endorsements.stream().anyMatch(e -> e.memberId().equals(memberId));
    }

    /**
     * Whether this member's challenge still stands: for evidence, one made since its latest version (a revision
     * answers the challenges before it); for a proposal, any.
     */
    public boolean challengedBy(String memberId) {
        Instant since = versions == null || versions.isEmpty()
                ? null
                : versions.get(versions.size() - 1).at();
        return challenges.stream()
                .anyMatch(c -> c.memberId().equals(memberId) && (since == null || !c.at().isBefore(since)));
    }

    public Instant lastActivity() {
        return history.isEmpty() ? createdAt : history.get(history.size() - 1).at();
    }

    /**
     * The item as it stood at {@code moment}: everything stamped later is left out, and the status, evidence version
     * and title are those of the time. Empty if the item did not exist yet.
     */
    public Optional<ItemView> asOf(Instant moment) {
        if (createdAt == null || createdAt.isAfter(moment)) {
            return Optional.empty();
        }
        List<EvidenceVersion> versionsThen = upTo(versions, EvidenceVersion::at, moment);
        List<StatusChange> statusesThen = upTo(statuses, StatusChange::at, moment);
        EvidenceVersion versionThen = versionsThen.isEmpty() ? null : versionsThen.get(versionsThen.size() - 1);
        return Optional.of(new ItemView(
                id,
                type,
                groupId,
                themeId,
                versionThen == null ? title : versionThen.title(),
                versionThen == null ? body : versionThen.summary(),
                authorId,
                organisationId,
                createdAt,
                statusesThen.isEmpty()
                        ? status
                        : statusesThen.get(statusesThen.size() - 1).status(),
                versionThen == null ? form : versionThen.kind(),
                versionsThen,
                statusesThen,
                upTo(answers, Answer::at, moment),
                upTo(acceptances, Acceptance::at, moment),
                upTo(endorsements, Reaction::at, moment),
                upTo(challenges, Challenge::at, moment),
                upTo(links, Link::at, moment),
                upTo(comments, Comment::at, moment),
                upTo(history, HistoryEntry::at, moment),
                hidden,
                origin,
                applied,
                version));
    }

    private static <T> List<T> upTo(List<T> entries, Function<T, Instant> at, Instant moment) {
        return entries.stream()
                .filter(entry -> !at.apply(entry).isAfter(moment))
                .toList();
    }
}
