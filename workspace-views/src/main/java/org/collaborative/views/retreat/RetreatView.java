package org.collaborative.views.retreat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A retreat's page ({@code retreats} collection, document id = retreat id): its details, agenda, invitations, places,
 * waiting list and breakouts. Times of the retreat and its sessions are Europe/London wall-clock times. People are
 * member ids; access and dietary needs are never here (they stay sealed on the command side).
 *
 * @param kind {@code CHIEF_EXECUTIVES_RETREAT} or {@code ONE_DAY_CONFERENCE}
 * @param status {@code SCHEDULED}, {@code POSTPONED} or {@code CANCELLED}
 * @param statusReason why it was postponed or cancelled, else null
 * @param registered people with a place, in the order they got it
 * @param waiting the waiting list, first in line first
 * @param invited people invited who have neither registered nor declined
 * @param preferences member id → breakout session ids, first choice first
 * @param breakouts breakout session id → member ids allocated to it
 * @param notices the latest changes, postponements and cancellations the people concerned are told about (at most
 *     {@link #NOTICES_KEPT}, oldest first)
 */
public record RetreatView(
        @Id String id,
        String title,
        String kind,
        String place,
        String onlineLink,
        LocalDateTime startsAt,
        LocalDateTime endsAt,
        int capacity,
        List<String> themeIds,
        boolean inviteOnly,
        String scheduledBy,
        Instant scheduledAt,
        String status,
        String statusReason,
        List<Session> sessions,
        List<String> invited,
        List<String> declined,
        List<Attendee> registered,
        List<Attendee> waiting,
        Map<String, List<String>> preferences,
        Map<String, List<String>> breakouts,
        Allocation allocation,
        List<Notice> notices,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<RetreatView> {

    public static final String COLLECTION = "retreats";

    /** How many notices a retreat keeps; the notification centre shows those of the last 30 days. */
    public static final int NOTICES_KEPT = 10;

    public RetreatView {
        notices = notices == null ? List.of() : notices;
    }

    /** A session of the agenda; {@code kind} is {@code PLENARY} or {@code BREAKOUT}. */
    public record Session(
            String sessionId,
            String title,
            String kind,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String room,
            String facilitatorId,
            String themeId,
            String groupId) {}

    public record Attendee(String memberId, String organisationId, Instant at) {}

    /**
     * What the registered, the waiting and the invited who have not answered are told about one event (the facilitator
     * who made it, {@code actorId}, is not): in the notification centre and by email.
     *
     * @param kind {@code CHANGED}, {@code POSTPONED} or {@code CANCELLED}
     * @param sequence the event's sequence number in the retreat's stream, which the mailer matches it by
     * @param changes for {@code CHANGED}, what changed that people need to know: {@code TITLE}, {@code DATES},
     *     {@code PLACE}, {@code ONLINE_LINK} (a change of capacity, themes or invitation alone makes no notice)
     * @param title the retreat's title after the event
     * @param startsAt the dates after the event
     * @param place the place after the event, empty when online only
     * @param onlineLink the online link after the event, empty when in person only
     * @param reason the facilitator's reason for a postponement or cancellation, else null
     */
    public record Notice(
            String kind,
            long sequence,
            Instant at,
            String actorId,
            List<String> changes,
            String title,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String place,
            String onlineLink,
            String reason) {

        public Notice {
            changes = changes == null ? List.of() : changes;
        }
    }

    /** The last allocation by the facilitator ({@code by}, {@code at}) and how many were moved by hand since. */
    public record Allocation(String by, Instant at, int movedByHand) {}
}
