package org.collaborative.views.digest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * In the {@code digest-activity} collection: what happened to one item (question, evidence, proposal; document id:
 * the item id) or one working group (id {@code group:<groupId>}), each happening stamped with its time, with just
 * enough of the item's current state to rank it for a digest and fill the workspace's notification centre.
 * {@code lastAt} is the time of the newest happening, so that "what happened this week" is one range query on a
 * top-level field.
 *
 * @param subject ITEM or GROUP
 * @param status a question's OPEN / CLOSED, a proposal's stage or outcome, evidence's CURRENT
 * @param endorsedBy members who endorsed the item
 * @param respondedBy members who endorsed or challenged it (a proposal no longer waits on them)
 * @param endorsingOrganisations organisations whose members endorsed it
 * @param answeringOrganisations organisations whose members answered a question
 * @param evidenceIds the evidence a proposal links
 */
public record ActivityView(
        @Id String id,
        String subject,
        String itemType,
        String groupId,
        String themeId,
        String title,
        String authorId,
        String organisationId,
        String status,
        List<String> endorsedBy,
        List<String> respondedBy,
        List<String> endorsingOrganisations,
        List<String> answeringOrganisations,
        List<String> evidenceIds,
        boolean hidden,
        Instant lastAt,
        List<Happening> happenings,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<ActivityView> {

    public static final String COLLECTION = "digest-activity";

    /**
     * One thing that happened.
     *
     * @param key what makes it unique within the document (kind, actor and time), so a redelivered event adds nothing
     * @param subjectMemberId for a request to join or an invitation, the member it concerns
     * @param level evidence's level on Nesta's standards after this happening (submitted or revised)
     * @param outcome a decision's TAKEN_FORWARD or NOT_TAKEN_FORWARD; for hiding or restoring, the moderator's reason
     */
    public record Happening(
            String key,
            Kind kind,
            Instant at,
            String actorId,
            String organisationId,
            String subjectMemberId,
            Integer level,
            String outcome) {}

    /** The happenings a digest or the notification centre can speak of. */
    public enum Kind {
        GROUP_FORMED,
        JOIN_REQUESTED,
        MEMBER_INVITED,
        QUESTION_POSTED,
        QUESTION_ANSWERED,
        ANSWER_ACCEPTED,
        QUESTION_CLOSED,
        EVIDENCE_SUBMITTED,
        EVIDENCE_REVISED,
        EVIDENCE_ENDORSED,
        EVIDENCE_CHALLENGED,
        PROPOSAL_DRAFTED,
        PROPOSAL_OPENED,
        PROPOSAL_ENDORSED,
        PROPOSAL_CHALLENGED,
        EVIDENCE_LINKED,
        PROPOSAL_ENDORSED_BY_GROUP,
        PROPOSAL_DECIDED,
        PROPOSAL_WITHDRAWN,
        COMMENT_POSTED,
        /** Moderation, told to the item's author only. */
        ITEM_HIDDEN,
        ITEM_RESTORED,
        /** Moderation of one answer of a question, told to the answer's author ({@code subjectMemberId}) only. */
        ANSWER_HIDDEN,
        ANSWER_RESTORED,
        /** An organisation's adoption of a practice moved (from practice-spread; never stored in this view). */
        ADOPTION_MOVED
    }

    public boolean isGroup() {
        return "GROUP".equals(subject);
    }

    /** The page where a reader acts on it. */
    public String link() {
        return isGroup() ? "/groups/" + groupId : "/items/" + id;
    }
}
