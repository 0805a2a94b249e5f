package org.collaborative.app.retreat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.retreat.InvitationScope;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.SessionKind;

/** The commands of the {@link Retreat} aggregate. Times are Europe/London wall-clock times; {@code at} is now. */
public final class RetreatCommands {

    private RetreatCommands() {}

    /** The editable details of a retreat, as scheduled or changed. */
    public record Details(
            String title,
            RetreatKind kind,
            String place,
            String onlineLink,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            Integer capacity,
            List<String> themeIds,
            boolean inviteOnly) {}

    public record ScheduleRetreat(String retreatId, Details details, Actor actor, Instant at) {}

    public record ChangeRetreat(
            @TargetAggregateIdentifier String retreatId, Details details, Actor actor, Instant at) {}

    public record PostponeRetreat(
            @TargetAggregateIdentifier String retreatId,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String reason,
            Actor actor,
            Instant at) {}

    public record CancelRetreat(@TargetAggregateIdentifier String retreatId, String reason, Actor actor, Instant at) {}

    /** A session's details, as planned or changed. */
    public record Session(
            String title,
            SessionKind kind,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String room,
            String facilitatorId,
            String themeId,
            String groupId) {}

    public record PlanSession(
            @TargetAggregateIdentifier String retreatId, String sessionId, Session session, Actor actor, Instant at) {}

    public record ChangeSession(
            @TargetAggregateIdentifier String retreatId, String sessionId, Session session, Actor actor, Instant at) {}

    public record DropSession(@TargetAggregateIdentifier String retreatId, String sessionId, Actor actor, Instant at) {}

    /** The caller resolved the organisation, role or group to its members. */
    public record InvitePeople(
            @TargetAggregateIdentifier String retreatId,
            InvitationScope scope,
            String target,
            List<String> memberIds,
            Actor actor,
            Instant at) {}

    /** Registers the actor: a place while there are places, else the end of the waiting list. */
    public record RegisterForRetreat(
            @TargetAggregateIdentifier String retreatId, Actor actor, AttendanceNeeds needs, Instant at) {}

    public record DeclineRetreat(@TargetAggregateIdentifier String retreatId, Actor actor, Instant at) {}

    public record GiveUpPlace(@TargetAggregateIdentifier String retreatId, Actor actor, Instant at) {}

    public record StateBreakoutPreferences(
            @TargetAggregateIdentifier String retreatId, List<String> sessionIds, Actor actor, Instant at) {}

    public record AllocateBreakouts(
            @TargetAggregateIdentifier String retreatId, Actor actor, Instant at) {}

    public record MoveToBreakout(
            @TargetAggregateIdentifier String retreatId,
            String memberId,
            String toSessionId,
            Actor actor,
            Instant at) {}
}
