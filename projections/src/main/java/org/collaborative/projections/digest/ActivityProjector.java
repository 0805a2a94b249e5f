package org.collaborative.projections.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.evidence.EvidenceChallenged;
import org.collaborative.events.evidence.EvidenceEndorsed;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.group.JoinRequested;
import org.collaborative.events.group.MemberInvitedToGroup;
import org.collaborative.events.group.WorkingGroupFormed;
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
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.Projector;
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
public class ActivityProjector implements Projector<ActivityView> {

    public static final String NAME = ActivityView.COLLECTION;

    static final String GROUP_PREFIX = "group:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ActivityView> viewType() {
        return ActivityView.class;
    }

    @Override
    public Optional<String> viewId(Object event) {
        String id = null;
        if (event instanceof WorkingGroupFormed e) {
            id = GROUP_PREFIX + e.groupId();
        } else if (event instanceof JoinRequested e) {
            id = GROUP_PREFIX + e.groupId();
        } else if (event instanceof MemberInvitedToGroup e) {
            id = GROUP_PREFIX + e.groupId();
        } else if (event instanceof QuestionPosted e) {
            id = e.questionId();
        } else if (event instanceof QuestionAnswered e) {
            id = e.questionId();
        } else if (event instanceof AnswerAccepted e) {
            id = e.questionId();
        } else if (event instanceof QuestionClosed e) {
            id = e.questionId();
        } else if (event instanceof QuestionReopened e) {
            id = e.questionId();
        } else if (event instanceof EvidenceSubmitted e) {
            id = e.evidenceId();
        } else if (event instanceof EvidenceRevised e) {
            id = e.evidenceId();
        } else if (event instanceof EvidenceEndorsed e) {
            id = e.evidenceId();
        } else if (event instanceof EvidenceChallenged e) {
            id = e.evidenceId();
        } else if (event instanceof ProposalDrafted e) {
            id = e.proposalId();
        } else if (event instanceof ProposalOpenedForChallenge e) {
            id = e.proposalId();
        } else if (event instanceof ProposalEndorsed e) {
            id = e.proposalId();
        } else if (event instanceof ProposalChallenged e) {
            id = e.proposalId();
        } else if (event instanceof EvidenceLinkedToProposal e) {
            id = e.proposalId();
        } else if (event instanceof ProposalEndorsedByGroup e) {
            id = e.proposalId();
        } else if (event instanceof ProposalDecided e) {
            id = e.proposalId();
        } else if (event instanceof ProposalWithdrawn e) {
            id = e.proposalId();
        } else if (event instanceof CommentPosted e) {
            id = e.itemId();
        } else if (event instanceof ItemHidden e) {
            id = e.parentItemId() == null ? e.itemId() : null;
        } else if (event instanceof ItemRestored e) {
            id = e.parentItemId() == null ? e.itemId() : null;
        }
        return Optional.ofNullable(id);
    }

    @Override
    public ActivityView empty(String id) {
        boolean group = id.startsWith(GROUP_PREFIX);
        return new ActivityView(id, group ? "GROUP" : "ITEM", null, group ? id.substring(GROUP_PREFIX.length()) : null,
                null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), false, null,
                List.of(), Map.of(), null);
    }

    @Override
    public ActivityView apply(ActivityView view, EventEnvelope envelope) {
        Builder b = new Builder(view);
        Object payload = envelope.payload();
        if (payload instanceof WorkingGroupFormed e) {
            b.groupId = e.groupId();
            b.themeId = e.themeId();
            b.title = e.name();
            b.happened(Kind.GROUP_FORMED, e.formedAt(), e.facilitatorId(), e.facilitatorOrganisationId());
        } else if (payload instanceof JoinRequested e) {
            b.happened(Kind.JOIN_REQUESTED, e.requestedAt(), e.memberId(), e.organisationId(), e.memberId(), null,
                    null);
        } else if (payload instanceof MemberInvitedToGroup e) {
            b.happened(Kind.MEMBER_INVITED, e.invitedAt(), e.invitedBy(), null, e.memberId(), null, null);
        } else if (payload instanceof QuestionPosted e) {
            b.created("question", e.groupId(), e.themeId(), e.title(), e.askedBy(), e.askedByOrganisationId());
            b.status = "OPEN";
            b.happened(Kind.QUESTION_POSTED, e.postedAt(), e.askedBy(), e.askedByOrganisationId());
        } else if (payload instanceof QuestionAnswered e) {
            b.groupId = b.groupId == null ? e.groupId() : b.groupId;
            b.answeringOrganisations = with(b.answeringOrganisations, e.answeredByOrganisationId());
            b.happened(Kind.QUESTION_ANSWERED, e.answeredAt(), e.answeredBy(), e.answeredByOrganisationId());
        } else if (payload instanceof AnswerAccepted e) {
            b.happened(Kind.ANSWER_ACCEPTED, e.acceptedAt(), e.acceptedBy(), null);
        } else if (payload instanceof QuestionClosed e) {
            b.status = "CLOSED";
            b.happened(Kind.QUESTION_CLOSED, e.closedAt(), e.closedBy(), null);
        } else if (payload instanceof QuestionReopened e) {
            b.status = "OPEN";
        } else if (payload instanceof EvidenceSubmitted e) {
            b.created("evidence", e.groupId(), e.themeId(), e.title(), e.submittedBy(), e.submittedByOrganisationId());
            b.status = "CURRENT";
            b.happened(Kind.EVIDENCE_SUBMITTED, e.submittedAt(), e.submittedBy(), e.submittedByOrganisationId(), null,
                    e.level(), null);
        } else if (payload instanceof EvidenceRevised e) {
            b.title = e.title();
            b.happened(Kind.EVIDENCE_REVISED, e.revisedAt(), e.revisedBy(), null, null, e.level(), null);
        } else if (payload instanceof EvidenceEndorsed e) {
            b.endorsed(e.memberId(), e.organisationId());
            b.happened(Kind.EVIDENCE_ENDORSED, e.endorsedAt(), e.memberId(), e.organisationId());
        } else if (payload instanceof EvidenceChallenged e) {
            b.respondedBy = with(b.respondedBy, e.memberId());
            b.happened(Kind.EVIDENCE_CHALLENGED, e.challengedAt(), e.memberId(), e.organisationId());
        } else if (payload instanceof ProposalDrafted e) {
            b.created("proposal", e.groupId(), e.themeId(), e.title(), e.draftedBy(), e.draftedByOrganisationId());
            b.status = "DRAFT";
            b.happened(Kind.PROPOSAL_DRAFTED, e.draftedAt(), e.draftedBy(), e.draftedByOrganisationId());
        } else if (payload instanceof ProposalOpenedForChallenge e) {
            b.status = "OPEN_FOR_CHALLENGE";
            b.happened(Kind.PROPOSAL_OPENED, e.openedAt(), e.openedBy(), b.organisationId);
        } else if (payload instanceof ProposalEndorsed e) {
            b.endorsed(e.memberId(), e.organisationId());
            b.happened(Kind.PROPOSAL_ENDORSED, e.endorsedAt(), e.memberId(), e.organisationId());
        } else if (payload instanceof ProposalChallenged e) {
            b.respondedBy = with(b.respondedBy, e.memberId());
            b.happened(Kind.PROPOSAL_CHALLENGED, e.challengedAt(), e.memberId(), e.organisationId());
        } else if (payload instanceof EvidenceLinkedToProposal e) {
            b.evidenceIds = with(b.evidenceIds, e.evidenceId());
            b.happened(Kind.EVIDENCE_LINKED, e.linkedAt(), e.linkedBy(), null);
        } else if (payload instanceof ProposalEndorsedByGroup e) {
            b.status = "ENDORSED";
            b.happened(Kind.PROPOSAL_ENDORSED_BY_GROUP, e.endorsedAt(), e.facilitatorId(), null);
        } else if (payload instanceof ProposalDecided e) {
            b.status = e.outcome().name();
            b.happened(Kind.PROPOSAL_DECIDED, e.decidedAt(), e.decidedBy(), null, null, null, e.outcome().name());
        } else if (payload instanceof ProposalWithdrawn e) {
            b.status = "WITHDRAWN";
            b.happened(Kind.PROPOSAL_WITHDRAWN, e.withdrawnAt(), e.withdrawnBy(), null);
        } else if (payload instanceof CommentPosted e) {
            b.groupId = b.groupId == null ? e.groupId() : b.groupId;
            b.happened(Kind.COMMENT_POSTED, e.postedAt(), e.author(), e.authorOrganisationId());
        } else if (payload instanceof ItemHidden) {
            b.hidden = true;
        } else if (payload instanceof ItemRestored) {
            b.hidden = false;
        }
        return b.build();
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

        void happened(Kind kind, Instant at, String actorId, String orgId, String subjectMemberId, Integer level,
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
            Instant lastAt = happenings.isEmpty() ? null : happenings.get(happenings.size() - 1).at();
            return new ActivityView(view.id(), view.subject(), itemType, groupId, themeId, title, authorId,
                    organisationId, status, endorsedBy, respondedBy, endorsingOrganisations, answeringOrganisations,
                    evidenceIds, hidden, lastAt, happenings, view.applied(), view.version());
        }
    }
}
