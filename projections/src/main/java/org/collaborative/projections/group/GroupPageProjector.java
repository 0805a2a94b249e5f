package org.collaborative.projections.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.group.ErasedMemberRemovedFromGroup;
import org.collaborative.events.group.FacilitatorAppointed;
import org.collaborative.events.group.InvitationDeclined;
import org.collaborative.events.group.JoinRequestDeclined;
import org.collaborative.events.group.JoinRequested;
import org.collaborative.events.group.MemberInvitedToGroup;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.MemberLeftGroup;
import org.collaborative.events.group.WorkingGroupArchived;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.group.WorkingGroupRenamed;
import org.collaborative.events.group.WorkingGroupReopened;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.group.GroupPage.Archival;
import org.collaborative.views.group.GroupPage.Invitation;
import org.collaborative.views.group.GroupPage.ItemRef;
import org.collaborative.views.group.GroupPage.JoinRequest;
import org.collaborative.views.group.GroupPage.Membership;
import org.collaborative.views.group.GroupPage.QuestionSummary;
import org.springframework.stereotype.Component;

/** Each working group's page: its name, members and questions, and whether (and why) it is archived. */
@Component
public class GroupPageProjector extends DeclaredProjector<GroupPage> {

    public static final String NAME = GroupPage.COLLECTION;

    public GroupPageProjector() {
        super(NAME, GroupPage.class, HANDLERS);
    }

    /**
     * The events a group's page follows: the group's own, which change the page of their aggregate, and the questions,
     * evidence and proposals posted to it, which name it.
     */
    private static final EventHandlers<GroupPage> HANDLERS = new EventHandlers<GroupPage>()
            .onAggregate(
                    WorkingGroupFormed.class,
                    (page, formed, envelope) -> page.formed(
                                    formed.themeId(),
                                    formed.name(),
                                    formed.purpose(),
                                    formed.visibility().name(),
                                    formed.formedAt())
                            .withFacilitatorIds(withFacilitator(page.facilitatorIds(), formed.facilitatorId()))
                            .withMembers(withMember(
                                    page.members(),
                                    new Membership(
                                            formed.facilitatorId(),
                                            formed.facilitatorOrganisationId(),
                                            formed.formedAt()))))
            .onAggregate(
                    MemberJoinedGroup.class,
                    (page, joined, envelope) -> page.withMembers(withMember(
                                    page.members(),
                                    new Membership(joined.memberId(), joined.organisationId(), joined.joinedAt())))
                            .withRequests(withoutRequest(page.requests(), joined.memberId()))
                            .withInvitations(withoutInvitation(page.invitations(), joined.memberId())))
            .onAggregate(MemberLeftGroup.class, (page, left, envelope) -> withoutMember(page, left.memberId()))
            .onAggregate(
                    ErasedMemberRemovedFromGroup.class,
                    (page, removed, envelope) -> withoutMember(page, removed.memberId())
                            .withRequests(withoutRequest(page.requests(), removed.memberId()))
                            .withInvitations(withoutInvitation(page.invitations(), removed.memberId())))
            .on(
                    QuestionPosted.class,
                    QuestionPosted::groupId,
                    (page, posted, envelope) -> page.withQuestions(withQuestion(
                            page.questions(),
                            new QuestionSummary(
                                    posted.questionId(),
                                    posted.title(),
                                    posted.body(),
                                    posted.askedBy(),
                                    posted.askedByOrganisationId(),
                                    posted.postedAt()))))
            .onAggregate(JoinRequested.class, (page, requested, envelope) -> {
                List<JoinRequest> next = new ArrayList<>(withoutRequest(page.requests(), requested.memberId()));
                next.add(new JoinRequest(
                        requested.memberId(), requested.organisationId(), requested.requestedAt(), null, null));
                next.sort(Comparator.comparing(JoinRequest::requestedAt).thenComparing(JoinRequest::memberId));
                return page.withRequests(next);
            })
            .onAggregate(
                    JoinRequestDeclined.class,
                    (page, declined, envelope) -> page.withRequests(page.requests().stream()
                            .map(r -> r.memberId().equals(declined.memberId())
                                    ? new JoinRequest(
                                            r.memberId(),
                                            r.organisationId(),
                                            r.requestedAt(),
                                            declined.reason(),
                                            declined.declinedAt())
                                    : r)
                            .toList()))
            .onAggregate(MemberInvitedToGroup.class, (page, invited, envelope) -> {
                List<Invitation> next = new ArrayList<>(withoutInvitation(page.invitations(), invited.memberId()));
                next.add(new Invitation(
                        invited.memberId(), invited.organisationId(), invited.invitedBy(), invited.invitedAt()));
                next.sort(Comparator.comparing(Invitation::invitedAt).thenComparing(Invitation::memberId));
                return page.withInvitations(next);
            })
            .onAggregate(
                    InvitationDeclined.class,
                    (page, declined, envelope) ->
                            page.withInvitations(withoutInvitation(page.invitations(), declined.memberId())))
            .onAggregate(
                    FacilitatorAppointed.class,
                    (page, appointed, envelope) ->
                            page.withFacilitatorIds(withFacilitator(page.facilitatorIds(), appointed.memberId())))
            .onAggregate(
                    WorkingGroupRenamed.class,
                    (page, renamed, envelope) -> page.renamed(renamed.name(), renamed.purpose()))
            .onAggregate(
                    WorkingGroupArchived.class,
                    (page, archived, envelope) -> page.withArchived(
                            new Archival(archived.reason(), archived.archivedBy(), archived.archivedAt())))
            .onAggregate(WorkingGroupReopened.class, (page, reopened, envelope) -> page.withArchived(null))
            .on(
                    EvidenceSubmitted.class,
                    EvidenceSubmitted::groupId,
                    (page, submitted, envelope) ->
                            withItem(page, new ItemRef(submitted.evidenceId(), "evidence", submitted.submittedAt())))
            .on(
                    ProposalDrafted.class,
                    ProposalDrafted::groupId,
                    (page, drafted, envelope) ->
                            withItem(page, new ItemRef(drafted.proposalId(), "proposal", drafted.draftedAt())));

    @Override
    public GroupPage empty(String id) {
        return new GroupPage(
                id, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, Map.of(), null);
    }

    private static GroupPage withItem(GroupPage page, ItemRef item) {
        if (page.items().stream().anyMatch(i -> i.itemId().equals(item.itemId()))) {
            return page;
        }
        List<ItemRef> next = new ArrayList<>(page.items());
        next.add(item);
        next.sort(Comparator.comparing(ItemRef::createdAt).reversed().thenComparing(ItemRef::itemId));
        return page.withItems(next);
    }

    /** The page without the member, as a member or a facilitator (leaving, or erased). */
    private static GroupPage withoutMember(GroupPage page, String memberId) {
        return page.withFacilitatorIds(page.facilitatorIds().stream()
                        .filter(id -> !id.equals(memberId))
                        .toList())
                .withMembers(page.members().stream()
                        .filter(m -> !m.memberId().equals(memberId))
                        .toList());
    }

    private static List<JoinRequest> withoutRequest(List<JoinRequest> requests, String memberId) {
        return requests.stream().filter(r -> !r.memberId().equals(memberId)).toList();
    }

    private static List<Invitation> withoutInvitation(List<Invitation> invitations, String memberId) {
        return invitations.stream().filter(i -> !i.memberId().equals(memberId)).toList();
    }

    /** Facilitators in the order they took the role; the group's founder first. */
    private static List<String> withFacilitator(List<String> facilitators, String memberId) {
        if (facilitators.contains(memberId)) {
            return facilitators;
        }
        List<String> next = new ArrayList<>(facilitators);
        next.add(memberId);
        return next;
    }

    private static List<Membership> withMember(List<Membership> members, Membership member) {
        if (members.stream().anyMatch(m -> m.memberId().equals(member.memberId()))) {
            return members;
        }
        List<Membership> next = new ArrayList<>(members);
        next.add(member);
        // Events of different aggregates arrive in any order across partitions: sort fully, so that any delivery
        // order (and a rebuild) gives the same document.
        next.sort(Comparator.comparing(Membership::joinedAt).thenComparing(Membership::memberId));
        return next;
    }

    private static List<QuestionSummary> withQuestion(List<QuestionSummary> questions, QuestionSummary question) {
        if (questions.stream().anyMatch(q -> q.questionId().equals(question.questionId()))) {
            return questions;
        }
        List<QuestionSummary> next = new ArrayList<>(questions);
        next.add(question);
        next.sort(
                Comparator.comparing(QuestionSummary::postedAt).reversed().thenComparing(QuestionSummary::questionId));
        return next;
    }
}
