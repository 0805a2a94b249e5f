package org.collaborative.projections.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.evidence.EvidenceChallenged;
import org.collaborative.events.evidence.EvidenceEndorsed;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.proposal.EvidenceLinkedToProposal;
import org.collaborative.events.proposal.ProposalChallenged;
import org.collaborative.events.proposal.ProposalDecided;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalDraftedFromBoard;
import org.collaborative.events.proposal.ProposalEndorsed;
import org.collaborative.events.proposal.ProposalEndorsedByGroup;
import org.collaborative.events.proposal.ProposalOpenedForChallenge;
import org.collaborative.events.proposal.ProposalWithdrawn;
import org.collaborative.events.question.AnswerAccepted;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionClosed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.events.question.QuestionReopened;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.item.ItemView.Acceptance;
import org.collaborative.views.item.ItemView.Answer;
import org.collaborative.views.item.ItemView.Challenge;
import org.collaborative.views.item.ItemView.Comment;
import org.collaborative.views.item.ItemView.EvidenceVersion;
import org.collaborative.views.item.ItemView.Hidden;
import org.collaborative.views.item.ItemView.HistoryEntry;
import org.collaborative.views.item.ItemView.Link;
import org.collaborative.views.item.ItemView.Origin;
import org.collaborative.views.item.ItemView.Reaction;
import org.collaborative.views.item.ItemView.StatusChange;
import org.springframework.stereotype.Component;

/**
 * Every question, piece of evidence and proposal, with its answers, reactions, comments and history, and whether a
 * facilitator has hidden it or any of its comments or answers.
 */
@Component
public class ItemsProjector extends DeclaredProjector<ItemView> {

    public static final String NAME = ItemView.COLLECTION;

    public ItemsProjector() {
        super(NAME, ItemView.class, HANDLERS);
    }

    /**
     * The events each item follows. An item's own events change the document of their aggregate; a comment (an
     * aggregate of its own) and its moderation change the item it is on.
     */
    private static final EventHandlers<ItemView> HANDLERS = new EventHandlers<ItemView>()
            .onAggregate(QuestionPosted.class, building((b, e) -> {
                b.created(
                        "question",
                        e.groupId(),
                        e.themeId(),
                        e.title(),
                        e.body(),
                        e.askedBy(),
                        e.askedByOrganisationId(),
                        e.postedAt());
                b.status(e.postedAt(), e.askedBy(), "OPEN", null);
                b.history(e.postedAt(), e.askedBy(), e.askedByOrganisationId(), "asked the question", e.title());
            }))
            .onAggregate(QuestionAnswered.class, building((b, e) -> {
                b.answers = add(
                        b.answers,
                        new Answer(
                                e.answerId(),
                                e.body(),
                                e.answeredBy(),
                                e.answeredByOrganisationId(),
                                e.answeredAt(),
                                null),
                        Answer::at,
                        Answer::answerId);
                b.history(e.answeredAt(), e.answeredBy(), e.answeredByOrganisationId(), "answered", null);
            }))
            .onAggregate(AnswerAccepted.class, building((b, e) -> {
                b.acceptances = add(
                        b.acceptances,
                        new Acceptance(e.answerId(), e.acceptedBy(), e.acceptedAt()),
                        Acceptance::at,
                        Acceptance::answerId);
                b.history(e.acceptedAt(), e.acceptedBy(), null, "accepted an answer", null);
            }))
            .onAggregate(
                    AnswerHidden.class,
                    building((b, e) -> b.hideAnswer(e.answerId(), new Hidden(e.hiddenBy(), e.reason(), e.hiddenAt()))))
            .onAggregate(AnswerRestored.class, building((b, e) -> b.hideAnswer(e.answerId(), null)))
            .onAggregate(QuestionClosed.class, building((b, e) -> {
                b.status(e.closedAt(), e.closedBy(), "CLOSED", null);
                b.history(e.closedAt(), e.closedBy(), null, "closed the question", null);
            }))
            .onAggregate(QuestionReopened.class, building((b, e) -> {
                b.status(e.reopenedAt(), e.reopenedBy(), "OPEN", null);
                b.history(e.reopenedAt(), e.reopenedBy(), null, "reopened the question", null);
            }))
            .onAggregate(EvidenceSubmitted.class, building((b, e) -> {
                b.created(
                        "evidence",
                        e.groupId(),
                        e.themeId(),
                        e.title(),
                        e.summary(),
                        e.submittedBy(),
                        e.submittedByOrganisationId(),
                        e.submittedAt());
                b.status = "CURRENT";
                b.form = e.kind().name();
                b.versions = add(
                        b.versions,
                        new EvidenceVersion(
                                e.submittedAt(),
                                e.submittedBy(),
                                e.title(),
                                e.summary(),
                                e.source(),
                                e.kind().name(),
                                e.level()),
                        EvidenceVersion::at,
                        ItemsProjector::versionKey);
                b.history(
                        e.submittedAt(),
                        e.submittedBy(),
                        e.submittedByOrganisationId(),
                        "submitted the evidence",
                        "Level " + e.level());
            }))
            .onAggregate(EvidenceRevised.class, building((b, e) -> {
                b.title = e.title();
                b.body = e.summary();
                b.form = e.kind().name();
                b.versions = add(
                        b.versions,
                        new EvidenceVersion(
                                e.revisedAt(),
                                e.revisedBy(),
                                e.title(),
                                e.summary(),
                                e.source(),
                                e.kind().name(),
                                e.level()),
                        EvidenceVersion::at,
                        ItemsProjector::versionKey);
                b.history(e.revisedAt(), e.revisedBy(), null, "revised the evidence", "Level " + e.level());
            }))
            .onAggregate(
                    EvidenceEndorsed.class,
                    building((b, e) -> b.endorsed(e.memberId(), e.organisationId(), e.endorsedAt())))
            .onAggregate(
                    EvidenceChallenged.class,
                    building((b, e) -> b.challenged(
                            e.challengeId(), e.memberId(), e.organisationId(), e.reason(), e.challengedAt())))
            .onAggregate(ProposalDrafted.class, building((b, e) -> {
                b.created(
                        "proposal",
                        e.groupId(),
                        e.themeId(),
                        e.title(),
                        e.summary(),
                        e.draftedBy(),
                        e.draftedByOrganisationId(),
                        e.draftedAt());
                b.form = e.form().name();
                b.status(e.draftedAt(), e.draftedBy(), "DRAFT", null);
                b.history(e.draftedAt(), e.draftedBy(), e.draftedByOrganisationId(), "drafted the proposal", null);
            }))
            .onAggregate(ProposalDraftedFromBoard.class, building((b, e) -> {
                b.origin = new Origin(e.retreatId(), e.sessionId(), e.clusterId(), e.cardId());
                b.history(e.at(), e.draftedBy(), null, "drafted it from a retreat’s live board", null);
            }))
            .onAggregate(ProposalOpenedForChallenge.class, building((b, e) -> {
                b.status(e.openedAt(), e.openedBy(), "OPEN_FOR_CHALLENGE", null);
                b.history(e.openedAt(), e.openedBy(), null, "opened it for challenge", null);
            }))
            .onAggregate(
                    ProposalEndorsed.class,
                    building((b, e) -> b.endorsed(e.memberId(), e.organisationId(), e.endorsedAt())))
            .onAggregate(
                    ProposalChallenged.class,
                    building((b, e) -> b.challenged(
                            e.challengeId(), e.memberId(), e.organisationId(), e.reason(), e.challengedAt())))
            .onAggregate(EvidenceLinkedToProposal.class, building((b, e) -> {
                b.links =
                        add(b.links, new Link(e.evidenceId(), e.linkedBy(), e.linkedAt()), Link::at, Link::evidenceId);
                b.history(e.linkedAt(), e.linkedBy(), null, "linked evidence", e.evidenceId());
            }))
            .onAggregate(ProposalEndorsedByGroup.class, building((b, e) -> {
                b.status(e.endorsedAt(), e.facilitatorId(), "ENDORSED", null);
                b.history(e.endorsedAt(), e.facilitatorId(), null, "recorded the group's endorsement", null);
            }))
            .onAggregate(ProposalDecided.class, building((b, e) -> {
                b.status(e.decidedAt(), e.decidedBy(), e.outcome().name(), e.rationale());
                b.history(
                        e.decidedAt(),
                        e.decidedBy(),
                        null,
                        e.outcome().name().equals("TAKEN_FORWARD")
                                ? "decided to take it forward"
                                : "decided not to take it forward",
                        e.rationale());
            }))
            .onAggregate(ProposalWithdrawn.class, building((b, e) -> {
                b.status(e.withdrawnAt(), e.withdrawnBy(), "WITHDRAWN", e.reason());
                b.history(e.withdrawnAt(), e.withdrawnBy(), null, "withdrew the proposal", e.reason());
            }))
            .on(CommentPosted.class, CommentPosted::itemId, building((b, e) -> {
                if (b.type == null) {
                    b.type = e.itemType();
                    b.groupId = e.groupId();
                }
                b.comments = add(
                        b.comments,
                        new Comment(e.commentId(), e.body(), e.author(), e.authorOrganisationId(), e.postedAt(), null),
                        Comment::at,
                        Comment::commentId);
                b.history(e.postedAt(), e.author(), e.authorOrganisationId(), "commented", null);
            }))
            .on(ItemHidden.class, e -> e.parentItemId() == null ? e.itemId() : e.parentItemId(), building((b, e) -> {
                Hidden hidden = new Hidden(e.hiddenBy(), e.reason(), e.hiddenAt());
                if (e.parentItemId() == null) {
                    b.hidden = hidden;
                    b.history(e.hiddenAt(), e.hiddenBy(), null, "hid it", e.reason());
                } else {
                    b.hideComment(e.itemId(), hidden);
                }
            }))
            .on(ItemRestored.class, e -> e.parentItemId() == null ? e.itemId() : e.parentItemId(), building((b, e) -> {
                if (e.parentItemId() == null) {
                    b.hidden = null;
                    b.history(e.restoredAt(), e.restoredBy(), null, "restored it", e.reason());
                } else {
                    b.hideComment(e.itemId(), null);
                }
            }));

    @Override
    public ItemView empty(String id) {
        return new ItemView(
                id, null, null, null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, Map.of(), null);
    }

    /** A change made on a copy of the item ({@link Builder}), which records the event in the item's history. */
    private static <E> EventHandlers.Change<ItemView, E> building(BiConsumer<Builder, E> change) {
        return (item, event, envelope) -> {
            Builder b = new Builder(item, envelope.eventId());
            change.accept(b, event);
            return b.build();
        };
    }

    private static String versionKey(EvidenceVersion version) {
        return version.at() + "/" + version.level() + "/" + version.title() + "/" + version.source();
    }

    /** Adds an entry unless one with the same key is there, keeping the list in time order (then by key). */
    private static <T> List<T> add(List<T> list, T entry, Function<T, Instant> at, Function<T, String> key) {
        if (list.stream().anyMatch(existing -> key.apply(existing).equals(key.apply(entry)))) {
            return list;
        }
        List<T> next = new ArrayList<>(list);
        next.add(entry);
        next.sort(Comparator.comparing(at).thenComparing(key));
        return next;
    }

    /** A mutable copy of the view while one event is applied. */
    private static final class Builder {
        private final ItemView item;
        private final String eventId;
        String type;
        String groupId;
        String themeId;
        String title;
        String body;
        String authorId;
        String organisationId;
        Instant createdAt;
        String status;
        String form;
        List<EvidenceVersion> versions;
        List<StatusChange> statuses;
        List<Answer> answers;
        List<Acceptance> acceptances;
        List<Reaction> endorsements;
        List<Challenge> challenges;
        List<Link> links;
        List<Comment> comments;
        List<HistoryEntry> history;
        Hidden hidden;
        Origin origin;

        Builder(ItemView item, String eventId) {
            this.item = item;
            this.eventId = eventId;
            type = item.type();
            groupId = item.groupId();
            themeId = item.themeId();
            title = item.title();
            body = item.body();
            authorId = item.authorId();
            organisationId = item.organisationId();
            createdAt = item.createdAt();
            status = item.status();
            form = item.form();
            versions = item.versions();
            statuses = item.statuses();
            answers = item.answers();
            acceptances = item.acceptances();
            endorsements = item.endorsements();
            challenges = item.challenges();
            links = item.links();
            comments = item.comments();
            history = item.history();
            hidden = item.hidden();
            origin = item.origin();
        }

        void created(
                String type,
                String groupId,
                String themeId,
                String title,
                String body,
                String authorId,
                String organisationId,
                Instant at) {
            this.type = type;
            this.groupId = groupId;
            this.themeId = themeId;
            this.title = title;
            this.body = body;
            this.authorId = authorId;
            this.organisationId = organisationId;
            this.createdAt = at;
        }

        /** Status changes of one aggregate arrive in order, so the latest is also the current one. */
        void status(Instant at, String by, String status, String note) {
            statuses = add(
                    statuses,
                    new StatusChange(at, by, status, note),
                    StatusChange::at,
                    change -> change.status() + "@" + change.at());
            this.status = statuses.get(statuses.size() - 1).status();
        }

        void history(Instant at, String memberId, String organisationId, String action, String detail) {
            history = add(
                    history,
                    new HistoryEntry(at, memberId, organisationId, action, detail, eventId),
                    HistoryEntry::at,
                    HistoryEntry::event);
        }

        void endorsed(String memberId, String organisationId, Instant at) {
            endorsements =
                    add(endorsements, new Reaction(memberId, organisationId, at), Reaction::at, Reaction::memberId);
            history(at, memberId, organisationId, "endorsed", null);
        }

        void challenged(String challengeId, String memberId, String organisationId, String reason, Instant at) {
            challenges = add(
                    challenges,
                    new Challenge(challengeId, memberId, organisationId, reason, at),
                    Challenge::at,
                    Challenge::challengeId);
            history(at, memberId, organisationId, "challenged", reason);
        }

        /**
         * Marks a comment hidden (or shown again, with null). A comment's moderation events come from its own
         * aggregate, after its {@code CommentPosted} on the same partition, so the comment is already here.
         */
        void hideComment(String commentId, Hidden hidden) {
            comments = comments.stream()
                    .map(comment -> comment.commentId().equals(commentId) ? comment.withHidden(hidden) : comment)
                    .toList();
        }

        /** Marks an answer hidden (or shown again, with null); it came before, in the question's own stream. */
        void hideAnswer(String answerId, Hidden hidden) {
            answers = answers.stream()
                    .map(answer -> answer.answerId().equals(answerId) ? answer.withHidden(hidden) : answer)
                    .toList();
        }

        ItemView build() {
            return new ItemView(
                    item.id(),
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
                    origin,
                    item.applied(),
                    item.version());
        }
    }
}
