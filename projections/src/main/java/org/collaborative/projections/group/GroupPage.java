package org.collaborative.projections.group;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A working group's page: what it is for, who is in it (and who has asked or been invited to join) and the questions
 * put to it (newest first). Fields are filled
 * as their events arrive, in whatever order the partitions deliver them.
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
        Map<String, Long> applied,
        @Version Long version)
        implements View<GroupPage> {

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

    @Override
    public GroupPage withApplied(Map<String, Long> applied) {
        return new GroupPage(
                id,
                themeId,
                name,
                purpose,
                visibility,
                formedAt,
                facilitatorIds,
                members,
                questions,
                requests,
                invitations,
                items,
                applied,
                version);
    }
}
