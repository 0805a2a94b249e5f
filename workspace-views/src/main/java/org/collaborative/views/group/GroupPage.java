package org.collaborative.views.group;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A working group's page ({@code group-page} collection): what it is for, who is in it (and who has asked or been
 * invited to join) and the questions put to it (newest first), and whether it is archived. Fields are filled as their
 * events arrive, in whatever order the partitions deliver them; a document without a {@code name} has not been seen
 * formed yet.
 */
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
        List<ItemRef> items,
        Archival archived,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<GroupPage> {

    public static final String COLLECTION = "group-page";

    /** Lists left out of a read (the workspace reads groups without their questions) are empty, not null. */
    public GroupPage {
        facilitatorIds = facilitatorIds == null ? List.of() : facilitatorIds;
        members = members == null ? List.of() : members;
        questions = questions == null ? List.of() : questions;
        requests = requests == null ? List.of() : requests;
        invitations = invitations == null ? List.of() : invitations;
        items = items == null ? List.of() : items;
    }

    /** Why and when the group was archived (and by whom): present while it is archived, null once reopened. */
    public record Archival(String reason, String archivedBy, Instant archivedAt) {}

    public record Membership(String memberId, String organisationId, Instant joinedAt) {}

    /**
     * A request to join: waiting for a facilitator, or declined (then with the reason, for the member to read, until
     * they ask again or join).
     */
    public record JoinRequest(
            String memberId, String organisationId, Instant requestedAt, String declinedReason, Instant declinedAt) {

        public boolean pending() {
            return declinedAt == null;
        }
    }

    /** An invitation not yet taken up or declined. */
    public record Invitation(String memberId, String organisationId, String invitedBy, Instant invitedAt) {}

    /**
     * Evidence or a proposal in the group, newest first: the page reads these items by id instead of searching the
     * whole items collection for the group's.
     */
    public record ItemRef(String itemId, String type, Instant createdAt) {}

    public record QuestionSummary(
            String questionId, String title, String body, String askedBy, String organisationId, Instant postedAt) {}

    /** Whether the group is archived, and so read-only. */
    public boolean inArchive() {
        return archived != null;
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
    public GroupPage withoutQuestions(Collection<String> questionIds) {
        if (questionIds.isEmpty()) {
            return this;
        }
        return withQuestions(questions.stream()
                .filter(q -> !questionIds.contains(q.questionId()))
                .toList());
    }

    /** The page as the group was formed: its theme, name, purpose, visibility and day. */
    public GroupPage formed(String themeId, String name, String purpose, String visibility, Instant formedAt) {
        return with(
                "themeId", themeId, "name", name, "purpose", purpose, "visibility", visibility, "formedAt", formedAt);
    }

    public GroupPage renamed(String name, String purpose) {
        return with("name", name, "purpose", purpose);
    }

    public GroupPage withFacilitatorIds(List<String> facilitatorIds) {
        return with("facilitatorIds", facilitatorIds);
    }

    public GroupPage withMembers(List<Membership> members) {
        return with("members", members);
    }

    public GroupPage withQuestions(List<QuestionSummary> questions) {
        return with("questions", questions);
    }

    public GroupPage withRequests(List<JoinRequest> requests) {
        return with("requests", requests);
    }

    public GroupPage withInvitations(List<Invitation> invitations) {
        return with("invitations", invitations);
    }

    public GroupPage withItems(List<ItemRef> items) {
        return with("items", items);
    }

    /** @param archived why the group was archived, or null once reopened */
    public GroupPage withArchived(Archival archived) {
        return with("archived", archived);
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
    public Optional<JoinRequest> declinedRequestOf(String memberId) {
        return requests.stream()
                .filter(request -> !request.pending() && request.memberId().equals(memberId))
                .findFirst();
    }

    /** Whether this member has an invitation they have not yet taken up or declined. */
    public boolean hasInvited(String memberId) {
        return invitations.stream().anyMatch(invitation -> invitation.memberId().equals(memberId));
    }

    public boolean hasQuestion(String questionId) {
        return questions.stream().anyMatch(question -> question.questionId().equals(questionId));
    }
}
