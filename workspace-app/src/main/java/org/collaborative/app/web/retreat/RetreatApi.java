package org.collaborative.app.web.retreat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.Commands;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.retreat.AttendanceNeeds;
import org.collaborative.app.retreat.Retreat;
import org.collaborative.app.retreat.RetreatAttendance;
import org.collaborative.app.retreat.RetreatCommands;
import org.collaborative.app.retreat.RetreatViews;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.SessionKind;
import org.collaborative.views.retreat.RetreatView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retreats as JSON: those the caller may see, one retreat with its agenda, places and breakouts, scheduling, planning
 * sessions and registering. Times are Europe/London wall-clock times ({@code 2027-03-04T09:30}). Broken rules and
 * invalid input are problem details (ApiProblems); a retreat the caller may not see is 404.
 */
@RestController
@RequestMapping("/api/retreats")
@Tag(name = "Retreats")
class RetreatApi {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A retreat in a list. */
    record RetreatSummary(
            String retreatId,
            String title,
            String kind,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String status,
            boolean inviteOnly,
            int capacity,
            int placesTaken,
            int waiting) {

        static RetreatSummary of(RetreatView view) {
            return new RetreatSummary(
                    view.id(),
                    view.title(),
                    view.kind(),
                    view.startsAt(),
                    view.endsAt(),
                    view.status(),
                    view.inviteOnly(),
                    view.capacity(),
                    view.registered().size(),
                    view.waiting().size());
        }
    }

    /** A retreat to schedule; {@code retreatId} may be chosen by the client so that a retry schedules it once. */
    record NewRetreat(
            @Pattern(regexp = UUID_PATTERN, message = "retreatId must be a UUID")
            String retreatId,

            @NotBlank(message = "Enter a title")
            @Size(max = Retreat.MAX_TITLE, message = "The title must be 160 characters or fewer")
            String title,

            @NotNull(message = "Choose what kind of retreat it is")
            RetreatKind kind,

            String place,
            String onlineLink,

            @NotNull(message = "Enter when the retreat starts")
            LocalDateTime startsAt,

            @NotNull(message = "Enter when the retreat ends")
            LocalDateTime endsAt,

            @NotNull(message = "Enter the number of places") Integer capacity,
            List<String> themeIds,
            // A wrapper, so that leaving it out means an open retreat: Jackson 3 refuses a missing primitive.
            Boolean inviteOnly) {}

    record NewSession(
            @Pattern(regexp = UUID_PATTERN, message = "sessionId must be a UUID")
            String sessionId,

            @NotBlank(message = "Enter a title") String title,
            @NotNull(message = "Choose plenary or breakout") SessionKind kind,

            @NotNull(message = "Enter when the session starts")
            LocalDateTime startsAt,

            @NotNull(message = "Enter when the session ends")
            LocalDateTime endsAt,

            String room,
            String facilitatorId,
            String themeId,
            String groupId) {}

    /** Optional access and dietary needs: personal data, sealed, seen only by the organisers. */
    record Registration(
            @Size(max = AttendanceNeeds.MAX, message = "Access needs must be 500 characters or fewer")
            String access,

            @Size(max = AttendanceNeeds.MAX, message = "Dietary needs must be 500 characters or fewer")
            String dietary) {}

    /** {@code place} is {@code REGISTERED}, {@code WAITING} or null (none). */
    record Place(String retreatId, String memberId, String place) {}

    record Created(String retreatId, String id) {}

    private final RetreatViews retreats;
    private final RetreatAttendance attendance;
    private final Commands commands;
    private final Clock clock;

    RetreatApi(RetreatViews retreats, RetreatAttendance attendance, Commands commands, Clock clock) {
        this.retreats = retreats;
        this.attendance = attendance;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The retreats the caller may see, soonest first")
    List<RetreatSummary> all(@AuthenticationPrincipal WorkspaceUser user) {
        return retreats.visibleTo(user).stream().map(RetreatSummary::of).toList();
    }

    @GetMapping("/{retreatId}")
    @Operation(summary = "One retreat: details, agenda, places, waiting list and breakouts (member ids only)")
    RetreatView one(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user) {
        return retreats.visible(retreatId, user);
    }

    @GetMapping("/{retreatId}/sessions")
    @Operation(summary = "A retreat's agenda, in time order")
    List<RetreatView.Session> sessions(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user) {
        return retreats.visible(retreatId, user).sessions();
    }

    @PostMapping
    @Operation(summary = "Schedule a retreat (facilitators and administrators); 201 with its address")
    ResponseEntity<Created> schedule(@Valid @RequestBody NewRetreat body, @AuthenticationPrincipal WorkspaceUser user) {
        if (user.role() != MemberRole.FACILITATOR && user.role() != MemberRole.ADMINISTRATOR) {
            throw new NotFoundException("page");
        }
        String retreatId = body.retreatId() == null ? UUID.randomUUID().toString() : body.retreatId();
        commands.sendOnce(new RetreatCommands.ScheduleRetreat(
                retreatId,
                new RetreatCommands.Details(
                        body.title(),
                        body.kind(),
                        body.place(),
                        body.onlineLink(),
                        body.startsAt(),
                        body.endsAt(),
                        body.capacity(),
                        body.themeIds() == null ? List.of() : body.themeIds(),
                        Boolean.TRUE.equals(body.inviteOnly())),
                actor(user),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/retreats/" + retreatId)).body(new Created(retreatId, retreatId));
    }

    @PostMapping("/{retreatId}/sessions")
    @Operation(summary = "Plan a session within the retreat's dates (its facilitators); 201")
    ResponseEntity<Created> plan(
            @PathVariable String retreatId,
            @Valid @RequestBody NewSession body,
            @AuthenticationPrincipal WorkspaceUser user) {
        requireFacilitator(retreatId, user);
        String sessionId = body.sessionId() == null ? UUID.randomUUID().toString() : body.sessionId();
        commands.send(new RetreatCommands.PlanSession(
                retreatId,
                sessionId,
                new RetreatCommands.Session(
                        body.title(),
                        body.kind(),
                        body.startsAt(),
                        body.endsAt(),
                        body.room(),
                        body.facilitatorId(),
                        body.themeId(),
                        body.groupId()),
                actor(user),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/retreats/" + retreatId + "/sessions"))
                .body(new Created(retreatId, sessionId));
    }

    @PostMapping("/{retreatId}/registration")
    @Operation(
            summary = "Register: a place while places are free (201), else the end of the waiting list (202); "
                    + "refused (422) for a cancelled or finished retreat, or an invite-only one without an invitation")
    ResponseEntity<Place> register(
            @PathVariable String retreatId,
            @Valid @RequestBody(required = false) Registration body,
            @AuthenticationPrincipal WorkspaceUser user) {
        retreats.visible(retreatId, user);
        Registration needs = body == null ? new Registration(null, null) : body;
        commands.send(new RetreatCommands.RegisterForRetreat(
                retreatId, actor(user), new AttendanceNeeds(needs.access(), needs.dietary()), clock.instant()));
        boolean placed = attendance.isParticipant(retreatId, user.memberId());
        return ResponseEntity.status(placed ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                .body(new Place(retreatId, user.memberId(), placed ? "REGISTERED" : "WAITING"));
    }

    @DeleteMapping("/{retreatId}/registration")
    @Operation(summary = "Give up one's place, or leave the waiting list; the first person waiting is promoted")
    Place giveUp(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user) {
        retreats.visible(retreatId, user);
        commands.send(new RetreatCommands.GiveUpPlace(retreatId, actor(user), clock.instant()));
        return new Place(retreatId, user.memberId(), null);
    }

    private void requireFacilitator(String retreatId, WorkspaceUser user) {
        retreats.visible(retreatId, user);
        if (!retreats.facilitates(retreatId, user)) {
            throw new NotFoundException("retreat");
        }
    }

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }
}
