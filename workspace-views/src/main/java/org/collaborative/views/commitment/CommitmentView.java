package org.collaborative.views.commitment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * An action or pledge from a retreat, in the {@code commitments} collection (one document per commitment, id = the
 * action's or pledge's id): what was committed, by whom for which organisation, by when, what it feeds, how it is
 * going and its check-ins. Ids only: names are looked up where the page is made.
 *
 * @param kind {@code ACTION} or {@code PLEDGE}
 * @param title the action's title, or the pledge's text
 * @param ownerId the action's owner, or the member who pledged
 * @param dueOn the action's due date, or the pledge's by-date
 * @param retreatEndsOn the retreat's last day in London, from which check-ins are counted
 * @param agreedBy the facilitator who agreed the action, or the member who pledged
 * @param progress the latest {@code CommitmentProgress} recorded, or null while none has been
 * @param checkIns the check-ins raised so far, oldest first
 * @param nextCheckInOn the day the next check-in falls due (London), or null when none will: all raised, or the
 *     commitment is done or dropped. The check-in scheduler looks for these.
 * @param fulfilledBy for a pledge fulfilled by its organisation's adoption move, that move (it is then done); else null
 */
public record CommitmentView(
        @Id String id,
        String kind,
        String retreatId,
        String sessionId,
        String fromCardId,
        String fromClusterId,
        String title,
        String ownerId,
        String organisationId,
        LocalDate dueOn,
        String groupId,
        String proposalId,
        LocalDate retreatEndsOn,
        String agreedBy,
        Instant agreedAt,
        String progress,
        String progressReason,
        String progressBy,
        Instant progressAt,
        List<CheckIn> checkIns,
        LocalDate nextCheckInOn,
        Fulfilment fulfilledBy,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<CommitmentView> {

    public static final String COLLECTION = "commitments";

    /** Check-ins fall due this many days after the retreat's last day, in this order. */
    public static final List<Integer> CHECK_IN_DAYS = List.of(30, 90, 180);

    public static final String ACTION = "ACTION";
    public static final String PLEDGE = "PLEDGE";

    /**
     * The adoption move that fulfilled a pledge: the pledge's organisation moved to {@code stage} (an
     * {@code AdoptionStage} name) on {@code happenedOn} along its adoption of the practice {@code practiceId}.
     */
    public record Fulfilment(String practiceId, String stage, LocalDate happenedOn) {}

    /**
     * @param dueAt when it was raised
     * @param answeredAt when progress was next recorded after it, or null while it waits for the owner
     */
    public record CheckIn(int days, Instant dueAt, Instant answeredAt) {

        public boolean waiting() {
            return answeredAt == null;
        }
    }

    public CommitmentView {
        checkIns = checkIns == null ? List.of() : checkIns;
        applied = applied == null ? Map.of() : applied;
    }

    /** The commitment as agreed at the retreat: an action or a pledge, what it is, whose and by when. */
    public CommitmentView agreed(
            String kind,
            String retreatId,
            String sessionId,
            String fromCardId,
            String fromClusterId,
            String title,
            String ownerId,
            String organisationId,
            LocalDate dueOn,
            String groupId,
            String proposalId,
            LocalDate retreatEndsOn,
            String agreedBy,
            Instant agreedAt) {
        return with(
                "kind", kind,
                "retreatId", retreatId,
                "sessionId", sessionId,
                "fromCardId", fromCardId,
                "fromClusterId", fromClusterId,
                "title", title,
                "ownerId", ownerId,
                "organisationId", organisationId,
                "dueOn", dueOn,
                "groupId", groupId,
                "proposalId", proposalId,
                "retreatEndsOn", retreatEndsOn,
                "agreedBy", agreedBy,
                "agreedAt", agreedAt);
    }

    /** The view with its check-ins and its latest progress (and the reason given, who recorded it and when). */
    public CommitmentView withProgress(
            List<CheckIn> checkIns, String progress, String progressReason, String progressBy, Instant progressAt) {
        return with(
                "checkIns", checkIns,
                "progress", progress,
                "progressReason", progressReason,
                "progressBy", progressBy,
                "progressAt", progressAt);
    }

    public CommitmentView withFulfilment(Fulfilment fulfilledBy) {
        return with("fulfilledBy", fulfilledBy);
    }

    /** @param nextCheckInOn the day the next check-in falls due, or null when none will */
    public CommitmentView withNextCheckInOn(LocalDate nextCheckInOn) {
        return with("nextCheckInOn", nextCheckInOn);
    }

    /** Done or dropped: nothing more is asked of its owner. */
    public boolean settled() {
        return "DONE".equals(progress) || "DROPPED".equals(progress);
    }

    public boolean isAction() {
        return ACTION.equals(kind);
    }

    /** The check-in waiting for the owner's answer, if any. */
    public java.util.Optional<CheckIn> waitingCheckIn() {
        return checkIns.isEmpty() || settled()
                ? java.util.Optional.empty()
                : java.util.Optional.of(checkIns.get(checkIns.size() - 1)).filter(CheckIn::waiting);
    }

    /** The days after the retreat of the latest check-in raised, or 0 before the first. */
    public int lastCheckInDays() {
        return checkIns.isEmpty() ? 0 : checkIns.get(checkIns.size() - 1).days();
    }

    /** The stage after {@code days} (0 for none yet), or null after the last. */
    public static Integer stageAfter(int days) {
        return CHECK_IN_DAYS.stream().filter(d -> d > days).findFirst().orElse(null);
    }
}
