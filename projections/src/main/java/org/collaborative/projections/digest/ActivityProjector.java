package org.collaborative.projections.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.evidence.EvidenceChallenged;
import org.collaborative.events.evidence.EvidenceEndorsed;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.group.JoinRequested;
import org.collaborative.events.group.MemberInvitedToGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.proposal.EvidenceLinkedToProposal;
import org.collaborative.events.proposal.ProposalChallenged;
import org.collaborative.events.proposal.ProposalDecided;
import org.collaborative.events.proposal.ProposalDrafted;
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
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.ActivityView.Happening;
import org.collaborative.views.digest.ActivityView.Kind;
import org.springframework.stereotype.Component;

/**
 * What happened to each item and group, and when: the history the weekly digests and the notification centre are
 * drawn from. Item events come from the item's own aggregate, after its creation event on the same partition, so the
 * item's group is known by the time they arrive; comments and answers carry their group themselves.
 */
@Component
public class ActivityProjector extends DeclaredProjector<ActivityView> {

    public static final String NAME = ActivityView.COLLECTION;

    public ActivityProjector() {
        super(NAME, ActivityView.class, HANDLERS);
    }

    static final String GROUP_PREFIX = "group:";

    /**
     * The events each document follows: a group's own, and an item's (its own, and the answers and comments posted
     * on it). The view id comes from the payload (a group's carries the {@value #GROUP_PREFIX} prefix); a hidden or
     * restored comment changes nothing here.
     */
    private static final EventHandlers<ActivityView> HANDLERS = new EventHandlers<ActivityView>()
            .on(WorkingGroupFormed.class, e -> GROUP_PREFIX + e.groupId(), building((b, e) -> {
                b.groupId = e.groupId();
                b.themeId = e.themeId();
                b.title = e.name();
                b.happened(Kind.GROUP_FORMED, e.formedAt(), e.facilitatorId(), e.facilitatorOrganisationId());
            }))
            .on(
                    org.collaborative.events.group.WorkingGroupRenamed.class,
                    e -> GROUP_PREFIX + e.groupId(),
                    building((b, e) -> b.title = e.name()))
            .on(
                    JoinRequested.class,
                    e -> GROUP_PREFIX + e.groupId(),
                    building((b, e) -> b.happened(
                            Kind.JOIN_REQUESTED,
                            e.requestedAt(),
                            e.memberId(),
                            e.organisationId(),
                            e.memberId(),
                            null,
                            null)))
            .on(
                    MemberInvitedToGroup.class,
                    e -> GROUP_PREFIX + e.groupId(),
                    building((b, e) -> b.happened(
                            Kind.MEMBER_INVITED, e.invitedAt(), e.invitedBy(), null, e.memberId(), null, null)))
            .on(QuestionPosted.class, QuestionPosted::questionId, building((b, e) -> {
                b.created("question", e.groupId(), e.themeId(), e.title(), e.askedBy(), e.askedByOrganisationId());
                b.status = "OPEN";
                b.happened(Kind.QUESTION_POSTED, e.postedAt(), e.askedBy(), e.askedByOrganisationId());
            }))
            .on(QuestionAnswered.class, QuestionAnswered::questionId, building((b, e) -> {
                b.groupId = b.groupId == null ? e.groupId() : b.groupId;
                b.answeringOrganisations = with(b.answeringOrganisations, e.answeredByOrganisationId());
                b.happened(Kind.QUESTION_ANSWERED, e.answeredAt(), e.answeredBy(), e.answeredByOrganisationId());
            }))
            .on(
                    AnswerAccepted.class,
                    AnswerAccepted::questionId,
                    building((b, e) -> b.happened(Kind.ANSWER_ACCEPTED, e.acceptedAt(), e.acceptedBy(), null)))
            .on(QuestionClosed.class, QuestionClosed::questionId, building((b, e) -> {
                b.status = "CLOSED";
                b.happened(Kind.QUESTION_CLOSED, e.closedAt(), e.closedBy(), null);
            }))
            .on(QuestionReopened.class, QuestionReopened::questionId, building((b, e) -> b.status = "OPEN"))
            .on(EvidenceSubmitted.class, EvidenceSubmitted::evidenceId, building((b, e) -> {
                b.created(
                        "evidence",
                        e.groupId(),
                        e.themeId(),
                        e.title(),
                        e.submittedBy(),
                        e.submittedByOrganisationId());
                b.status = "CURRENT";
                b.happened(
                        Kind.EVIDENCE_SUBMITTED,
                        e.submittedAt(),
                        e.submittedBy(),
                        e.submittedByOrganisationId(),
                        null,
                        e.level(),
                        null);
            }))
            .on(EvidenceRevised.class, EvidenceRevised::evidenceId, building((b, e) -> {
                b.title = e.title();
                b.happened(Kind.EVIDENCE_REVISED, e.revisedAt(), e.revisedBy(), null, null, e.level(), null);
            }))
            .on(EvidenceEndorsed.class, EvidenceEndorsed::evidenceId, building((b, e) -> {
                b.endorsed(e.memberId(), e.organisationId());
                b.happened(Kind.EVIDENCE_ENDORSED, e.endorsedAt(), e.memberId(), e.organisationId());
            }))
            .on(EvidenceChallenged.class, EvidenceChallenged::evidenceId, building((b, e) -> {
                b.respondedBy = with(b.respondedBy, e.memberId());
                b.happened(Kind.EVIDENCE_CHALLENGED, e.challengedAt(), e.memberId(), e.organisationId());
            }))
            .on(ProposalDrafted.class, ProposalDrafted::proposalId, building((b, e) -> {
                b.created("proposal", e.groupId(), e.themeId(), e.title(), e.draftedBy(), e.draftedByOrganisationId());
                b.status = "DRAFT";
                b.happened(Kind.PROPOSAL_DRAFTED, e.draftedAt(), e.draftedBy(), e.draftedByOrganisationId());
            }))
            .on(ProposalOpenedForChallenge.class, ProposalOpenedForChallenge::proposalId, building((b, e) -> {
                b.status = "OPEN_FOR_CHALLENGE";
                b.happened(Kind.PROPOSAL_OPENED, e.openedAt(), e.openedBy(), b.organisationId);
            }))
            .on(ProposalEndorsed.class, ProposalEndorsed::proposalId, building((b, e) -> {
                b.endorsed(e.memberId(), e.organisationId());
                b.happened(Kind.PROPOSAL_ENDORSED, e.endorsedAt(), e.memberId(), e.organisationId());
            }))
            .on(ProposalChallenged.class, ProposalChallenged::proposalId, building((b, e) -> {
                b.respondedBy = with(b.respondedBy, e.memberId());
                b.happened(Kind.PROPOSAL_CHALLENGED, e.challengedAt(), e.memberId(), e.organisationId());
            }))
            .on(EvidenceLinkedToProposal.class, EvidenceLinkedToProposal::proposalId, building((b, e) -> {
                b.evidenceIds = with(b.evidenceIds, e.evidenceId());
                b.happened(Kind.EVIDENCE_LINKED, e.linkedAt(), e.linkedBy(), null);
            }))
            .on(ProposalEndorsedByGroup.class, ProposalEndorsedByGroup::proposalId, building((b, e) -> {
                b.status = "ENDORSED";
                b.happened(Kind.PROPOSAL_ENDORSED_BY_GROUP, e.endorsedAt(), e.facilitatorId(), null);
            }))
            .on(ProposalDecided.class, ProposalDecided::proposalId, building((b, e) -> {
                b.status = e.outcome().name();
                b.happened(
                        Kind.PROPOSAL_DECIDED,
                        e.decidedAt(),
                        e.decidedBy(),
                        null,
                        null,
                        null,
                        e.outcome().name());
            }))
            .on(ProposalWithdrawn.class, ProposalWithdrawn::proposalId, building((b, e) -> {
                b.status = "WITHDRAWN";
                b.happened(Kind.PROPOSAL_WITHDRAWN, e.withdrawnAt(), e.withdrawnBy(), null);
            }))
            .on(CommentPosted.class, CommentPosted::itemId, building((b, e) -> {
                b.groupId = b.groupId == null ? e.groupId() : b.groupId;
                b.happened(Kind.COMMENT_POSTED, e.postedAt(), e.author(), e.authorOrganisationId());
            }))
            .on(ItemHidden.class, e -> e.parentItemId() == null ? e.itemId() : null, building((b, e) -> {
                b.hidden = true;
                b.happened(Kind.ITEM_HIDDEN, e.hiddenAt(), e.hiddenBy(), null, null, null, e.reason());
            }))
            .on(ItemRestored.class, e -> e.parentItemId() == null ? e.itemId() : null, building((b, e) -> {
                b.hidden = false;
                b.happened(Kind.ITEM_RESTORED, e.restoredAt(), e.restoredBy(), null, null, null, e.reason());
            }))
            // One answer hidden or restored: the question stays as it is; the answer's author is told.
            .on(
                    AnswerHidden.class,
                    AnswerHidden::questionId,
                    building((b, e) -> b.happened(
                            Kind.ANSWER_HIDDEN, e.hiddenAt(), e.hiddenBy(), null, e.answeredBy(), null, e.reason())))
            .on(
                    AnswerRestored.class,
                    AnswerRestored::questionId,
                    building((b, e) -> b.happened(
                            Kind.ANSWER_RESTORED,
                            e.restoredAt(),
                            e.restoredBy(),
                            null,
                            e.answeredBy(),
                            null,
                            e.reason())));

    @Override
    public ActivityView empty(String id) {
        boolean group = id.startsWith(GROUP_PREFIX);
        return new ActivityView(
                id,
                group ? "GROUP" : "ITEM",
                null,
                group ? id.substring(GROUP_PREFIX.length()) : null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                false,
                null,
                List.of(),
                Map.of(),
                null);
    }

    private static <E> EventHandlers.Change<ActivityView, E> building(BiConsumer<Builder, E> change) {
        return (view, event, envelope) -> {
            Builder b = new Builder(view);
            change.accept(b, event);
            return b.build();
        };
    }

    private static List<String> with(List<String> values, String value) {
        if (value == null || values.contains(value)) {
            return values;
        }
        List<String> next = new ArrayList<>(values);
        next.add(value);
        return next;
    }

    private static final class Builder {
        private final ActivityView view;
        String itemType;
        String groupId;
        String themeId;
        String title;
        String authorId;
        String organisationId;
        String status;
        List<String> endorsedBy;
        List<String> respondedBy;
        List<String> endorsingOrganisations;
        List<String> answeringOrganisations;
        List<String> evidenceIds;
        boolean hidden;
        List<Happening> happenings;

        Builder(ActivityView view) {
            this.view = view;
            itemType = view.itemType();
            groupId = view.groupId();
            themeId = view.themeId();
            title = view.title();
            authorId = view.authorId();
            organisationId = view.organisationId();
            status = view.status();
            endorsedBy = view.endorsedBy();
            respondedBy = view.respondedBy();
            endorsingOrganisations = view.endorsingOrganisations();
            answeringOrganisations = view.answeringOrganisations();
            evidenceIds = view.evidenceIds();
            hidden = view.hidden();
            happenings = view.happenings();
        }

        void created(String type, String groupId, String themeId, String title, String authorId, String orgId) {
            this.itemType = type;
            this.groupId = groupId;
            this.themeId = themeId;
            this.title = title;
            this.authorId = authorId;
            this.organisationId = orgId;
        }

        void endorsed(String memberId, String orgId) {
            endorsedBy = with(endorsedBy, memberId);
            respondedBy = with(respondedBy, memberId);
            endorsingOrganisations = with(endorsingOrganisations, orgId);
        }

        void happened(Kind kind, Instant at, String actorId, String orgId) {
            happened(kind, at, actorId, orgId, null, null, null);
        }

        void happened(
                Kind kind,
                Instant at,
                String actorId,
                String orgId,
                String subjectMemberId,
                Integer level,
                String outcome) {
            String key = kind + "|" + actorId + "|" + subjectMemberId + "|" + at;
            if (happenings.stream().anyMatch(h -> h.key().equals(key))) {
                return;
            }
            List<Happening> next = new ArrayList<>(happenings);
            next.add(new Happening(key, kind, at, actorId, orgId, subjectMemberId, level, outcome));
            // Comments and answers come from other aggregates, in any order: sort, so any delivery order gives the
            // same document.
            next.sort(Comparator.comparing(Happening::at).thenComparing(Happening::key));
            happenings = next;
        }

        ActivityView build() {
            Instant lastAt = happenings.isEmpty()
                    ? null
                    : happenings.get(happenings.size() - 1).at();
            return new ActivityView(
                    view.id(),
                    view.subject(),
                    itemType,
                    groupId,
                    themeId,
                    title,
                    authorId,
                    organisationId,
                    status,
                    endorsedBy,
                    respondedBy,
                    endorsingOrganisations,
                    answeringOrganisations,
                    evidenceIds,
                    hidden,
                    lastAt,
                    happenings,
                    view.applied(),
                    view.version());
        }
    }
}
