package org.collaborative.app.group;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the working group pages that the projections build ({@code group-page} collection). */
@Component
public class GroupViews {

    static final String COLLECTION = "group-page";

    public record GroupPage(
            @Id String id,
            String themeId,
            String name,
            String purpose,
            String visibility,
            Instant formedAt,
            List<String> facilitatorIds,
            List<Membership> members,
            List<QuestionSummary> questions,
            List<JoinRequest> requests,
            List<Invitation> invitations,
            List<ItemRef> items) {

        public GroupPage {
            facilitatorIds = facilitatorIds == null ? List.of() : facilitatorIds;
            members = members == null ? List.of() : members;
            questions = questions == null ? List.of() : questions;
            requests = requests == null ? List.of() : requests;
            invitations = invitations == null ? List.of() : invitations;
            items = items == null ? List.of() : items;
        }

        /** The ids of the group's evidence or proposals ({@code type} "evidence" or "proposal"), newest first. */
        public List<String> itemIds(String type, int limit) {
            return items.stream()
                    .filter(item -> item.type().equals(type))
                    .limit(limit)
                    .map(ItemRef::itemId)
                    .toList();
        }

        /** The page without the given questions: those a facilitator has hidden, for the API. */
        public GroupPage withoutQuestions(java.util.Collection<String> questionIds) {
            if (questionIds.isEmpty()) {
                return this;
            }
            return new GroupPage(
                    id,
                    themeId,
                    name,
                    purpose,
                    visibility,
                    formedAt,
                    facilitatorIds,
                    members,
                    questions.stream()
                            .filter(q -> !questionIds.contains(q.questionId()))
                            .toList(),
                    requests,
                    invitations,
                    items);
        }

        public boolean hasMember(String memberId) {
            return members.stream().anyMatch(member -> member.memberId().equals(memberId));
        }

        public boolean isFacilitator(String memberId) {
            return facilitatorIds.contains(memberId);
        }

        /** Whether this member has asked to join and waits for a facilitator. */
        public boolean hasRequestFrom(String memberId) {
            return requests.stream()
                    .anyMatch(request -> request.pending() && request.memberId().equals(memberId));
        }

        /** The requests waiting for a facilitator, oldest first. */
        public List<JoinRequest> pendingRequests() {
            return requests.stream().filter(JoinRequest::pending).toList();
        }

        /** This member's declined request, with the facilitator's reason, until they ask again or join. */
        public java.util.Optional<JoinRequest> declinedRequestOf(String memberId) {
            return requests.stream()
                    .filter(request -> !request.pending() && request.memberId().equals(memberId))
                    .findFirst();
        }

        /** Whether this member has an invitation they have not yet taken up or declined. */
        public boolean hasInvited(String memberId) {
            return invitations.stream()
                    .anyMatch(invitation -> invitation.memberId().equals(memberId));
        }

        public boolean hasQuestion(String questionId) {
            return questions.stream().anyMatch(question -> question.questionId().equals(questionId));
        }
    }

    public record Membership(String memberId, String organisationId, Instant joinedAt) {}

    public record ItemRef(String itemId, String type, Instant createdAt) {}

    /** A request to join: pending while {@code declinedAt} is null; declined ones stay for the member to read. */
    public record JoinRequest(
            String memberId, String organisationId, Instant requestedAt, String declinedReason, Instant declinedAt) {

        public boolean pending() {
            return declinedAt == null;
        }
    }

    public record Invitation(String memberId, String organisationId, String invitedBy, Instant invitedAt) {}

    public record QuestionSummary(
            String questionId, String title, String body, String askedBy, String organisationId, Instant postedAt) {}

    private final MongoTemplate mongo;

    GroupViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The group's page, once the projections have seen it formed. */
    public Optional<GroupPage> find(String groupId) {
        return Optional.ofNullable(mongo.findById(groupId, GroupPage.class, COLLECTION))
                .filter(group -> group.name() != null);
    }

    /**
     * Reads the group until it satisfies the condition or the time is up, for a reader who has just changed it and
     * expects to see the change: a bounded wait on the view, never a read of the write model.
     */
    public Optional<GroupPage> awaitUntil(String groupId, Predicate<GroupPage> condition, Duration atMost) {
        return org.collaborative.app.infrastructure.web.ReadYourWrite.awaitUntil(
                () -> find(groupId), condition, atMost);
    }

    /** The ids of the groups whose page lists the member: as a member, or with a request to join or an invitation. */
    public List<String> groupIdsNaming(String memberId) {
        Query query = new Query(new Criteria()
                .orOperator(
                        Criteria.where("members.memberId").is(memberId),
                        Criteria.where("requests.memberId").is(memberId),
                        Criteria.where("invitations.memberId").is(memberId)));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream()
                .map(d -> d.getString("_id"))
                .toList();
    }

    /** Every group, without its questions: enough to decide who may see what. */
    public List<GroupPage> allWithoutQuestions() {
        Query query = new Query(Criteria.where("name").ne(null));
        query.fields().exclude("questions");
        return mongo.find(query, GroupPage.class, COLLECTION).stream()
                .map(g -> new GroupPage(
                        g.id(),
                        g.themeId(),
                        g.name(),
                        g.purpose(),
                        g.visibility(),
                        g.formedAt(),
                        g.facilitatorIds(),
                        g.members(),
                        List.of(),
                        g.requests(),
                        g.invitations(),
                        g.items()))
                .toList();
    }

    public List<GroupPage> onTheme(String themeId) {
        Query query =
                new Query(Criteria.where("themeId").is(themeId).and("name").ne(null)).with(Sort.by("name"));
        return mongo.find(query, GroupPage.class, COLLECTION);
    }
}
