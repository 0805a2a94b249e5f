package org.collaborative.projections.group;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.projections.infrastructure.Projector;
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
public class GroupPageProjector implements Projector<GroupPage> {

    public static final String NAME = GroupPage.COLLECTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GroupPage> viewType() {
        return GroupPage.class;
    }

    /**
     * The events a group's page follows: the group's own, which change the page of their aggregate, and the questions,
     * evidence and proposals posted to it, which name it.
     */
    private static final EventHandlers<GroupPage> HANDLERS = new EventHandlers<GroupPage>()
            .onAggregate(
                    WorkingGroupFormed.class,
                    (page, formed, envelope) -> new GroupPage(
                            page.id(),
                            formed.themeId(),
                            formed.name(),
                            formed.purpose(),
                            formed.visibility().name(),
                            formed.formedAt(),
                            withFacilitator(page.facilitatorIds(), formed.facilitatorId()),
                            withMember(
                                    page.members(),
                                    new Membership(
                                            formed.facilitatorId(),
                                            formed.facilitatorOrganisationId(),
                                            formed.formedAt())),
                            page.questions(),
                            requests(page),
                            invitations(page),
                            items(page),
                            page.archived(),
                            page.applied(),
                            page.version()))
            .onAggregate(
                    MemberJoinedGroup.class,
                    (page, joined, envelope) -> new GroupPage(
                            page.id(),
                            page.themeId(),
                            page.name(),
                            page.purpose(),
                            page.visibility(),
                            page.formedAt(),
                            page.facilitatorIds(),
                            withMember(
                                    page.members(),
                                    new Membership(joined.memberId(), joined.organisationId(), joined.joinedAt())),
                            page.questions(),
                            withoutRequest(requests(page), joined.memberId()),
                            withoutInvitation(invitations(page), joined.memberId()),
                            items(page),
                            page.archived(),
                            page.applied(),
                            page.version()))
            .onAggregate(
                    MemberLeftGroup.class,
                    (page, left, envelope) -> new GroupPage(
                            page.id(),
                            page.themeId(),
                            page.name(),
                            page.purpose(),
                            page.visibility(),
                            page.formedAt(),
                            page.facilitatorIds().stream()
                                    .filter(id -> !id.equals(left.memberId()))
                                    .toList(),
                            page.members().stream()
                                    .filter(m -> !m.memberId().equals(left.memberId()))
                                    .toList(),
                            page.questions(),
                            requests(page),
                            invitations(page),
                            items(page),
                            page.archived(),
                            page.applied(),
                            page.version()))
            .onAggregate(
                    ErasedMemberRemovedFromGroup.class,
                    (page, removed, envelope) -> new GroupPage(
                            page.id(),
                            page.themeId(),
                            page.name(),
                            page.purpose(),
                            page.visibility(),
                            page.formedAt(),
                            page.facilitatorIds().stream()
                                    .filter(id -> !id.equals(removed.memberId()))
                                    .toList(),
                            page.members().stream()
                                    .filter(m -> !m.memberId().equals(removed.memberId()))
                                    .toList(),
                            page.questions(),
                            withoutRequest(requests(page), removed.memberId()),
                            withoutInvitation(invitations(page), removed.memberId()),
                            items(page),
                            page.archived(),
                            page.applied(),
                            page.version()))
            .on(
                    QuestionPosted.class,
                    QuestionPosted::groupId,
                    (page, posted, envelope) -> new GroupPage(
                            page.id(),
                            page.themeId(),
                            page.name(),
                            page.purpose(),
                            page.visibility(),
                            page.formedAt(),
                            page.facilitatorIds(),
                            page.members(),
                            withQuestion(
                                    page.questions(),
                                    new QuestionSummary(
                                            posted.questionId(),
                                            posted.title(),
                                            posted.body(),
                                            posted.askedBy(),
                                            posted.askedByOrganisationId(),
                                            posted.postedAt())),
                            requests(page),
                            invitations(page),
                            items(page),
                            page.archived(),
                            page.applied(),
                            page.version()))
            .onAggregate(JoinRequested.class, (page, requested, envelope) -> {
                List<JoinRequest> next = new ArrayList<>(withoutRequest(requests(page), requested.memberId()));
                next.add(new JoinRequest(
                        requested.memberId(), requested.organisationId(), requested.requestedAt(), null, null));
                next.sort(Comparator.comparing((JoinRequest r) -> stored(r.requestedAt()))
                        .thenComparing(JoinRequest::memberId));
                return withRequestsAndInvitations(page, next, invitations(page));
            })
            .onAggregate(
                    JoinRequestDeclined.class,
                    (page, declined, envelope) -> withRequestsAndInvitations(
                            page,
                            requests(page).stream()
                                    .map(r -> r.memberId().equals(declined.memberId())
                                            ? new JoinRequest(
                                                    r.memberId(),
                                                    r.organisationId(),
                                                    r.requestedAt(),
                                                    declined.reason(),
                                                    declined.declinedAt())
                                            : r)
                                    .toList(),
                            invitations(page)))
            .onAggregate(MemberInvitedToGroup.class, (page, invited, envelope) -> {
                List<Invitation> next = new ArrayList<>(withoutInvitation(invitations(page), invited.memberId()));
                next.add(new Invitation(
                        invited.memberId(), invited.organisationId(), invited.invitedBy(), invited.invitedAt()));
                next.sort(Comparator.comparing((Invitation i) -> stored(i.invitedAt()))
                        .thenComparing(Invitation::memberId));
                return withRequestsAndInvitations(page, requests(page), next);
            })
            .onAggregate(
                    InvitationDeclined.class,
                    (page, declined, envelope) -> withRequestsAndInvitations(
                            page, requests(page), withoutInvitation(invitations(page), declined.memberId())))
            .onAggregate(
                    FacilitatorAppointed.class,
                    (page, appointed, envelope) -> new GroupPage(
                            page.id(),
                            page.themeId(),
                            page.name(),
                            page.purpose(),
                            page.visibility(),
                            page.formedAt(),
                            withFacilitator(page.facilitatorIds(), appointed.memberId()),
                            page.members(),
                            page.questions(),
                            requests(page),
                            invitations(page),
                            items(page),
                            page.archived(),
                            page.applied(),
                            page.version()))
            .onAggregate(
                    WorkingGroupRenamed.class,
                    (page, renamed, envelope) -> new GroupPage(
                            page.id(),
                            page.themeId(),
                            renamed.name(),
                            renamed.purpose(),
                            page.visibility(),
                            page.formedAt(),
                            page.facilitatorIds(),
                            page.members(),
                            page.questions(),
                            requests(page),
                            invitations(page),
                            items(page),
                            page.archived(),
                            page.applied(),
                            page.version()))
            .onAggregate(
                    WorkingGroupArchived.class,
                    (page, archived, envelope) -> withArchival(
                            page, new Archival(archived.reason(), archived.archivedBy(), archived.archivedAt())))
            .onAggregate(WorkingGroupReopened.class, (page, reopened, envelope) -> withArchival(page, null))
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
    public Optional<String> viewId(EventEnvelope event) {
        return HANDLERS.viewId(event);
    }

    /**
     * As {@link #viewId(EventEnvelope)}, for the events that name their group (questions, evidence, proposals); the
     * group's own events need their envelope.
     */
    public Optional<String> viewId(Object event) {
        return HANDLERS.viewId(event);
    }

    @Override
    public GroupPage empty(String id) {
        return new GroupPage(
                id, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, Map.of(), null);
    }

    @Override
    public GroupPage apply(GroupPage page, EventEnvelope event) {
        return HANDLERS.apply(page, event);
    }

    private static List<JoinRequest> requests(GroupPage page) {
        return page.requests() == null ? List.of() : page.requests();
    }

    private static List<Invitation> invitations(GroupPage page) {
        return page.invitations() == null ? List.of() : page.invitations();
    }

    private static List<ItemRef> items(GroupPage page) {
        return page.items() == null ? List.of() : page.items();
    }

    private static GroupPage withItem(GroupPage page, ItemRef item) {
        List<ItemRef> items = items(page);
        if (items.stream().anyMatch(i -> i.itemId().equals(item.itemId()))) {
            return page;
        }
        List<ItemRef> next = new ArrayList<>(items);
        next.add(item);
        next.sort(Comparator.comparing((ItemRef i) -> stored(i.createdAt()))
                .reversed()
                .thenComparing(ItemRef::itemId));
        return new GroupPage(
                page.id(),
                page.themeId(),
                page.name(),
                page.purpose(),
                page.visibility(),
                page.formedAt(),
                page.facilitatorIds(),
                page.members(),
                page.questions(),
                page.requests() == null ? List.of() : page.requests(),
                page.invitations() == null ? List.of() : page.invitations(),
                next,
                page.archived(),
                page.applied(),
                page.version());
    }

    private static GroupPage withArchival(GroupPage page, Archival archival) {
        return new GroupPage(
                page.id(),
                page.themeId(),
                page.name(),
                page.purpose(),
                page.visibility(),
                page.formedAt(),
                page.facilitatorIds(),
                page.members(),
                page.questions(),
                requests(page),
                invitations(page),
                items(page),
                archival,
                page.applied(),
                page.version());
    }

    private static GroupPage withRequestsAndInvitations(
            GroupPage page, List<JoinRequest> requests, List<Invitation> invitations) {
        return new GroupPage(
                page.id(),
                page.themeId(),
                page.name(),
                page.purpose(),
                page.visibility(),
                page.formedAt(),
                page.facilitatorIds(),
                page.members(),
                page.questions(),
                requests,
                invitations,
                items(page),
                page.archived(),
                page.applied(),
                page.version());
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

    /**
     * An instant as MongoDB keeps it (milliseconds). Lists are sorted on this: an entry read back from the store has
     * lost its microseconds while one applied in the same batch still has them, so sorting on the event's own value
     * ordered two entries of the same millisecond by where a poll's batch happened to end, and a rebuild (other
     * batches) wrote a differently ordered document (seen in RebuildIT as members in another order).
     */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static List<Membership> withMember(List<Membership> members, Membership member) {
        if (members.stream().anyMatch(m -> m.memberId().equals(member.memberId()))) {
            return members;
        }
        List<Membership> next = new ArrayList<>(members);
        next.add(member);
        // Events of different aggregates arrive in any order across partitions: sort fully, so that any delivery
        // order (and a rebuild) gives the same document.
        next.sort(Comparator.comparing((Membership m) -> stored(m.joinedAt())).thenComparing(Membership::memberId));
        return next;
    }

    private static List<QuestionSummary> withQuestion(List<QuestionSummary> questions, QuestionSummary question) {
        if (questions.stream().anyMatch(q -> q.questionId().equals(question.questionId()))) {
            return questions;
        }
        List<QuestionSummary> next = new ArrayList<>(questions);
        next.add(question);
        next.sort(Comparator.comparing((QuestionSummary q) -> stored(q.postedAt()))
                .reversed()
                .thenComparing(QuestionSummary::questionId));
        return next;
    }
}
