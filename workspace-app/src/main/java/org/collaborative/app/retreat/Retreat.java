package org.collaborative.app.retreat;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.London;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.retreat.RetreatCommands.AllocateBreakouts;
import org.collaborative.app.retreat.RetreatCommands.CancelRetreat;
import org.collaborative.app.retreat.RetreatCommands.ChangeRetreat;
import org.collaborative.app.retreat.RetreatCommands.ChangeSession;
import org.collaborative.app.retreat.RetreatCommands.DeclineRetreat;
import org.collaborative.app.retreat.RetreatCommands.Details;
import org.collaborative.app.retreat.RetreatCommands.DropSession;
import org.collaborative.app.retreat.RetreatCommands.GiveUpPlace;
import org.collaborative.app.retreat.RetreatCommands.InvitePeople;
import org.collaborative.app.retreat.RetreatCommands.MoveToBreakout;
import org.collaborative.app.retreat.RetreatCommands.PlanSession;
import org.collaborative.app.retreat.RetreatCommands.PostponeRetreat;
import org.collaborative.app.retreat.RetreatCommands.RegisterForRetreat;
import org.collaborative.app.retreat.RetreatCommands.ScheduleRetreat;
import org.collaborative.app.retreat.RetreatCommands.StateBreakoutPreferences;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.retreat.BreakoutPreferencesStated;
import org.collaborative.events.retreat.BreakoutsAllocated;
import org.collaborative.events.retreat.ParticipantMovedToBreakout;
import org.collaborative.events.retreat.PeopleInvited;
import org.collaborative.events.retreat.PlaceDeclined;
import org.collaborative.events.retreat.PlaceGivenUp;
import org.collaborative.events.retreat.PlaceTaken;
import org.collaborative.events.retreat.PromotedFromWaitingList;
import org.collaborative.events.retreat.RetreatCancelled;
import org.collaborative.events.retreat.RetreatChanged;
import org.collaborative.events.retreat.RetreatPostponed;
import org.collaborative.events.retreat.RetreatScheduled;
import org.collaborative.events.retreat.SessionChanged;
import org.collaborative.events.retreat.SessionDropped;
import org.collaborative.events.retreat.SessionKind;
import org.collaborative.events.retreat.SessionPlanned;
import org.collaborative.events.retreat.WaitingListJoined;

/**
 * A retreat or conference: its details and agenda, who is invited, who has a place and who waits for one (in order),
 * and the breakout groups. Facilitators are the one who scheduled it and whoever runs one of its sessions;
 * administrators may act as facilitators. "Now" is the command's {@code at}, read in Europe/London.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class Retreat {
    public static final int MAX_TITLE = 160;
    public static final int MAX_PLACE = 300;
    public static final int MAX_LINK = 500;
    public static final int MAX_REASON = 1_000;
    public static final int MAX_ROOM = 120;
    public static final int MAX_CAPACITY = 10_000;

    /** What the aggregate keeps of a session. */
    record Slot(SessionKind kind, LocalDateTime startsAt, LocalDateTime endsAt, String facilitatorId) {}

    @AggregateIdentifier
    private String retreatId;

    private String scheduledBy;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private int capacity;
    private boolean inviteOnly;
    private boolean cancelled;
    private final Map<String, Slot> sessions = new LinkedHashMap<>();
    private final Set<String> invited = new HashSet<>();
    /** Member id → organisation id, in the order places were taken. */
    private final Map<String, String> registered = new LinkedHashMap<>();
    /** Member id → organisation id, first in line first. */
    private final Map<String, String> waiting = new LinkedHashMap<>();

    private final Map<String, List<String>> preferences = new HashMap<>();
    /** Breakout session id → member ids allocated to it. */
    private final Map<String, List<String>> breakouts = new LinkedHashMap<>();

    protected Retreat() {}

    @CommandHandler
    public Retreat(ScheduleRetreat command) {
        Actor actor = command.actor();
        if (actor.role() != MemberRole.FACILITATOR && actor.role() != MemberRole.ADMINISTRATOR) {
            throw new RuleBrokenException("Only facilitators and administrators can schedule a retreat");
        }
        Details details = valid(command.details());
        if (!details.endsAt().isAfter(now(command.at()))) {
            throw new InvalidInputException("endsAt", "The retreat must end in the future");
        }
        apply(new RetreatScheduled(
                command.retreatId(),
                details.title().strip(),
                details.kind(),
                text(details.place()),
                text(details.onlineLink()),
                details.startsAt(),
                details.endsAt(),
                details.capacity(),
                List.copyOf(details.themeIds() == null ? List.of() : details.themeIds()),
                details.inviteOnly(),
                actor.memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(ChangeRetreat command) {
        requireFacilitator(command.actor());
        requireOpen(command.at(), "change");
        Details details = valid(command.details());
        requireSessionsFit(details.startsAt(), details.endsAt(), Duration.ZERO);
        if (details.capacity() < registered.size()) {
            throw new InvalidInputException(
                    "capacity",
                    registered.size() + " people already have places, so the capacity cannot be lower than that");
        }
        apply(new RetreatChanged(
                retreatId,
                details.title().strip(),
                details.kind(),
                text(details.place()),
                text(details.onlineLink()),
                details.startsAt(),
                details.endsAt(),
                details.capacity(),
                List.copyOf(details.themeIds() == null ? List.of() : details.themeIds()),
                details.inviteOnly(),
                command.actor().memberId(),
                command.at()));
        promoteWhilePlacesAreFree(command.at());
    }

    @CommandHandler
    void handle(PostponeRetreat command) {
        requireFacilitator(command.actor());
        requireOpen(command.at(), "postpone");
        DomainRules.require("start", command.startsAt());
        DomainRules.require("end", command.endsAt());
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        if (!command.startsAt().isAfter(startsAt)) {
            throw new InvalidInputException("startsAt", "A postponed retreat must start later than it does now");
        }
        requireEndAfterStart(command.startsAt(), command.endsAt());
        requireSessionsFit(command.startsAt(), command.endsAt(), Duration.between(startsAt, command.startsAt()));
        apply(new RetreatPostponed(
                retreatId,
                command.startsAt(),
                command.endsAt(),
                command.reason().strip(),
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(CancelRetreat command) {
        requireFacilitator(command.actor());
        requireOpen(command.at(), "cancel");
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        apply(new RetreatCancelled(
                retreatId, command.reason().strip(), command.actor().memberId(), command.at()));
    }

    @CommandHandler
    void handle(PlanSession command) {
        requireFacilitator(command.actor());
        requireOpen(command.at(), "plan sessions for");
        if (sessions.containsKey(command.sessionId())) {
            throw new RuleBrokenException("This session is already on the agenda");
        }
        RetreatCommands.Session session = valid(command.session());
        apply(new SessionPlanned(
                retreatId,
                command.sessionId(),
                session.title().strip(),
                session.kind(),
                session.startsAt(),
                session.endsAt(),
                text(session.room()),
                session.facilitatorId() == null ? command.actor().memberId() : session.facilitatorId(),
                blankToNull(session.themeId()),
                blankToNull(session.groupId()),
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(ChangeSession command) {
        requireFacilitator(command.actor());
        requireOpen(command.at(), "change sessions of");
        requireSession(command.sessionId());
        RetreatCommands.Session session = valid(command.session());
        apply(new SessionChanged(
                retreatId,
                command.sessionId(),
                session.title().strip(),
                session.kind(),
                session.startsAt(),
                session.endsAt(),
                text(session.room()),
                session.facilitatorId() == null ? command.actor().memberId() : session.facilitatorId(),
                blankToNull(session.themeId()),
                blankToNull(session.groupId()),
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(DropSession command) {
        requireFacilitator(command.actor());
        requireOpen(command.at(), "drop sessions of");
        requireSession(command.sessionId());
        apply(new SessionDropped(retreatId, command.sessionId(), command.actor().memberId(), command.at()));
    }

    /** People already invited or registered are left out; inviting nobody new records nothing. */
    @CommandHandler
    void handle(InvitePeople command) {
        requireFacilitator(command.actor());
        requireOpen(command.at(), "invite people to");
        DomainRules.require("scope", command.scope());
        List<String> fresh = new ArrayList<>(
                new LinkedHashSet<>(command.memberIds() == null ? List.<String>of() : command.memberIds()));
        fresh.removeIf(id -> invited.contains(id) || registered.containsKey(id) || waiting.containsKey(id));
        if (fresh.isEmpty()) {
            return;
        }
        apply(new PeopleInvited(
                retreatId,
                command.scope(),
                command.target(),
                fresh,
                command.actor().memberId(),
                command.at()));
    }

    /**
     * A place while places are free; when all are taken, the end of the waiting list (the page says so before the
     * person confirms). Refused for a cancelled or finished retreat, and for the uninvited when invite-only.
     * Registering again records nothing.
     */
    @CommandHandler
    void handle(RegisterForRetreat command, PersonalDataVault vault) {
        Actor actor = command.actor();
        if (cancelled) {
            throw new RetreatCancelledException();
        }
        if (!endsAt.isAfter(now(command.at()))) {
            throw new RuleBrokenException("This retreat is over, so registration has closed");
        }
        if (registered.containsKey(actor.memberId()) || waiting.containsKey(actor.memberId())) {
            return;
        }
        if (inviteOnly && !invited.contains(actor.memberId()) && !isFacilitator(actor)) {
            throw new NotInvitedException();
        }
        AttendanceNeeds needs = command.needs();
        if (needs != null) {
            DomainRules.optionalText("access needs", needs.access(), AttendanceNeeds.MAX);
            DomainRules.optionalText("dietary needs", needs.dietary(), AttendanceNeeds.MAX);
        }
        String sealed = needs == null || needs.isEmpty()
                ? null
                : vault.sealValue(actor.memberId(), new AttendanceNeeds(text(needs.access()), text(needs.dietary())));
        if (registered.size() < capacity) {
            apply(new PlaceTaken(retreatId, actor.memberId(), actor.organisationId(), sealed, command.at()));
        } else {
            apply(new WaitingListJoined(retreatId, actor.memberId(), actor.organisationId(), sealed, command.at()));
        }
    }

    @CommandHandler
    void handle(DeclineRetreat command) {
        String memberId = command.actor().memberId();
        if (registered.containsKey(memberId) || waiting.containsKey(memberId)) {
            throw new RuleBrokenException("You have registered: give up your place instead");
        }
        if (!invited.contains(memberId)) {
            return;
        }
        apply(new PlaceDeclined(retreatId, memberId, command.at()));
    }

    /** Giving up a place promotes the first person waiting; leaving the waiting list promotes nobody. */
    @CommandHandler
    void handle(GiveUpPlace command) {
        String memberId = command.actor().memberId();
        boolean wasWaiting = waiting.containsKey(memberId);
        if (!wasWaiting && !registered.containsKey(memberId)) {
            return;
        }
        if (!endsAt.isAfter(now(command.at()))) {
            throw new RuleBrokenException("This retreat is over");
        }
        apply(new PlaceGivenUp(retreatId, memberId, wasWaiting, command.at()));
        if (!cancelled) {
            promoteWhilePlacesAreFree(command.at());
        }
    }

    @CommandHandler
    void handle(StateBreakoutPreferences command) {
        String memberId = command.actor().memberId();
        if (!registered.containsKey(memberId)) {
            throw new RuleBrokenException("Only people with a place can choose breakouts");
        }
        requireOpen(command.at(), "choose breakouts for");
        List<String> ranking = command.sessionIds() == null ? List.of() : command.sessionIds();
        if (new HashSet<>(ranking).size() != ranking.size()) {
            throw new InvalidInputException("preferences", "Choose each breakout only once");
        }
        for (String sessionId : ranking) {
            Slot slot = sessions.get(sessionId);
            if (slot == null || slot.kind() != SessionKind.BREAKOUT) {
                throw new InvalidInputException("preferences", "Choose only breakouts of this retreat");
            }
        }
        apply(new BreakoutPreferencesStated(retreatId, memberId, List.copyOf(ranking), command.at()));
    }

    @CommandHandler
    void handle(AllocateBreakouts command) {
        requireFacilitator(command.actor());
        if (cancelled) {
            throw new RetreatCancelledException();
        }
        List<BreakoutAllocation.Breakout> breakoutSessions = sessions.entrySet().stream()
                .filter(entry -> entry.getValue().kind() == SessionKind.BREAKOUT)
                .map(entry -> new BreakoutAllocation.Breakout(
                        entry.getKey(), entry.getValue().startsAt()))
                .toList();
        if (breakoutSessions.isEmpty()) {
            throw new RuleBrokenException("Plan at least one breakout session before allocating people to breakouts");
        }
        if (registered.isEmpty()) {
            throw new RuleBrokenException("Nobody has a place yet, so there is nobody to allocate");
        }
        List<BreakoutAllocation.Participant> participants = registered.entrySet().stream()
                .map(entry -> new BreakoutAllocation.Participant(
                        entry.getKey(), entry.getValue(), preferences.getOrDefault(entry.getKey(), List.of())))
                .toList();
        apply(new BreakoutsAllocated(
                retreatId,
                BreakoutAllocation.allocate(breakoutSessions, participants),
                command.actor().memberId(),
                command.at()));
    }

    @CommandHandler
    void handle(MoveToBreakout command) {
        requireFacilitator(command.actor());
        Slot to = sessions.get(command.toSessionId());
        if (to == null || to.kind() != SessionKind.BREAKOUT) {
            throw new InvalidInputException("toSessionId", "Choose a breakout of this retreat");
        }
        if (!registered.containsKey(command.memberId())) {
            throw new InvalidInputException("memberId", "Choose someone who has a place");
        }
        String from = breakouts.entrySet().stream()
                .filter(entry -> entry.getValue().contains(command.memberId()))
                .map(Map.Entry::getKey)
                .filter(sessionId -> sessions.get(sessionId).startsAt().equals(to.startsAt()))
                .findFirst()
                .orElse(null);
        if (command.toSessionId().equals(from)) {
            return;
        }
        apply(new ParticipantMovedToBreakout(
                retreatId,
                command.memberId(),
                from,
                command.toSessionId(),
                command.actor().memberId(),
                command.at()));
    }

    private void promoteWhilePlacesAreFree(Instant at) {
        List<String> line = new ArrayList<>(waiting.keySet());
        int free = capacity - registered.size();
        for (int i = 0; i < Math.min(free, line.size()); i++) {
            apply(new PromotedFromWaitingList(retreatId, line.get(i), at));
        }
    }

    private Details valid(Details details) {
        DomainRules.require("details", details);
        DomainRules.requireText("title", details.title(), MAX_TITLE);
        DomainRules.require("kind", details.kind());
        DomainRules.optionalText("place", details.place(), MAX_PLACE);
        DomainRules.optionalText("online link", details.onlineLink(), MAX_LINK);
        if ((details.place() == null || details.place().isBlank())
                && (details.onlineLink() == null || details.onlineLink().isBlank())) {
            throw new InvalidInputException("place", "Enter a place or an online link");
        }
        if (details.onlineLink() != null
                && !details.onlineLink().isBlank()
                && !details.onlineLink().strip().startsWith("https://")) {
            throw new InvalidInputException("onlineLink", "Enter an online link starting with https://");
        }
        if (details.startsAt() == null) {
            throw new InvalidInputException("startsAt", "Enter when the retreat starts");
        }
        if (details.endsAt() == null) {
            throw new InvalidInputException("endsAt", "Enter when the retreat ends");
        }
        requireEndAfterStart(details.startsAt(), details.endsAt());
        if (details.capacity() == null || details.capacity() < 1) {
            throw new InvalidInputException("capacity", "Capacity must be at least 1");
        }
        if (details.capacity() > MAX_CAPACITY) {
            throw new InvalidInputException("capacity", "Capacity must be " + MAX_CAPACITY + " or fewer");
        }
        return details;
    }

    private RetreatCommands.Session valid(RetreatCommands.Session session) {
        DomainRules.require("session", session);
        DomainRules.requireText("title", session.title(), MAX_TITLE);
        DomainRules.require("kind", session.kind());
        DomainRules.optionalText("room", session.room(), MAX_ROOM);
        if (session.startsAt() == null) {
            throw new InvalidInputException("startsAt", "Enter when the session starts");
        }
        if (session.endsAt() == null) {
            throw new InvalidInputException("endsAt", "Enter when the session ends");
        }
        requireEndAfterStart(session.startsAt(), session.endsAt());
        if (session.startsAt().isBefore(startsAt) || session.endsAt().isAfter(endsAt)) {
            throw new SessionOutsideRetreatException(startsAt, endsAt);
        }
        return session;
    }

    private static void requireEndAfterStart(LocalDateTime start, LocalDateTime end) {
        if (!end.isAfter(start)) {
            throw new InvalidInputException("endsAt", "The end must be after the start");
        }
    }

    /** Every session, moved by {@code shift}, must lie within the new dates. */
    private void requireSessionsFit(LocalDateTime start, LocalDateTime end, Duration shift) {
        for (Slot slot : sessions.values()) {
            if (slot.startsAt().plus(shift).isBefore(start)
                    || slot.endsAt().plus(shift).isAfter(end)) {
                throw new InvalidInputException(
                        "endsAt",
                        "A session would fall outside these dates. Move or drop the sessions first, or choose other dates");
            }
        }
    }

    private void requireOpen(Instant at, String doing) {
        if (cancelled) {
            throw new RetreatCancelledException();
        }
        if (!endsAt.isAfter(now(at))) {
            throw new RuleBrokenException("This retreat is over, so you cannot " + doing + " it");
        }
    }

    private void requireSession(String sessionId) {
        if (!sessions.containsKey(sessionId)) {
            throw new RuleBrokenException("There is no such session on this retreat's agenda");
        }
    }

    private void requireFacilitator(Actor actor) {
        if (!isFacilitator(actor)) {
            throw new RuleBrokenException("Only the retreat's facilitators can do this");
        }
    }

    private boolean isFacilitator(Actor actor) {
        return actor.role() == MemberRole.ADMINISTRATOR
                || actor.memberId().equals(scheduledBy)
                || sessions.values().stream().anyMatch(slot -> actor.memberId().equals(slot.facilitatorId()));
    }

    static LocalDateTime now(Instant at) {
        return LocalDateTime.ofInstant(at, London.ZONE);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @EventSourcingHandler
    void on(RetreatScheduled event) {
        retreatId = event.retreatId();
        scheduledBy = event.scheduledBy();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        capacity = event.capacity();
        inviteOnly = event.inviteOnly();
    }

    @EventSourcingHandler
    void on(RetreatChanged event) {
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        capacity = event.capacity();
        inviteOnly = event.inviteOnly();
    }

    @EventSourcingHandler
    void on(RetreatPostponed event) {
        Duration shift = Duration.between(startsAt, event.startsAt());
        sessions.replaceAll((id, slot) ->
                new Slot(slot.kind(), slot.startsAt().plus(shift), slot.endsAt().plus(shift), slot.facilitatorId()));
        startsAt = event.startsAt();
        endsAt = event.endsAt();
    }

    @EventSourcingHandler
    void on(RetreatCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(SessionPlanned event) {
        sessions.put(
                event.sessionId(), new Slot(event.kind(), event.startsAt(), event.endsAt(), event.facilitatorId()));
    }

    @EventSourcingHandler
    void on(SessionChanged event) {
        sessions.put(
                event.sessionId(), new Slot(event.kind(), event.startsAt(), event.endsAt(), event.facilitatorId()));
        if (event.kind() != SessionKind.BREAKOUT) {
            breakouts.remove(event.sessionId());
        }
    }

    @EventSourcingHandler
    void on(SessionDropped event) {
        sessions.remove(event.sessionId());
        breakouts.remove(event.sessionId());
    }

    @EventSourcingHandler
    void on(PeopleInvited event) {
        invited.addAll(event.memberIds());
    }

    @EventSourcingHandler
    void on(PlaceTaken event) {
        registered.put(event.memberId(), event.organisationId());
    }

    @EventSourcingHandler
    void on(WaitingListJoined event) {
        waiting.put(event.memberId(), event.organisationId());
    }

    @EventSourcingHandler
    void on(PlaceDeclined event) {
        invited.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(PlaceGivenUp event) {
        registered.remove(event.memberId());
        waiting.remove(event.memberId());
        preferences.remove(event.memberId());
        breakouts.values().forEach(members -> members.remove(event.memberId()));
    }

    @EventSourcingHandler
    void on(PromotedFromWaitingList event) {
        String organisationId = waiting.remove(event.memberId());
        registered.put(event.memberId(), organisationId);
    }

    @EventSourcingHandler
    void on(BreakoutPreferencesStated event) {
        preferences.put(event.memberId(), event.sessionIds());
    }

    @EventSourcingHandler
    void on(BreakoutsAllocated event) {
        breakouts.clear();
        event.membersBySession().forEach((sessionId, members) -> breakouts.put(sessionId, new ArrayList<>(members)));
    }

    @EventSourcingHandler
    void on(ParticipantMovedToBreakout event) {
        if (event.fromSessionId() != null) {
            breakouts.getOrDefault(event.fromSessionId(), new ArrayList<>()).remove(event.memberId());
        }
        breakouts.computeIfAbsent(event.toSessionId(), id -> new ArrayList<>()).add(event.memberId());
    }

    public static class RetreatCancelledException extends RuleBrokenException {
        public RetreatCancelledException() {
            super("This retreat has been cancelled");
        }
    }

    public static class NotInvitedException extends RuleBrokenException {
        public NotInvitedException() {
            super("This retreat is by invitation only. Ask one of its facilitators to invite you");
        }
    }

    public static class SessionOutsideRetreatException extends InvalidInputException {
        public SessionOutsideRetreatException(LocalDateTime startsAt, LocalDateTime endsAt) {
            super(
                    "startsAt",
                    "The session must be within the retreat's dates, " + RetreatDates.describe(startsAt, endsAt));
        }
    }
}
