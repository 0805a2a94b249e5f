package org.collaborative.projections.retreat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.collaborative.events.retreat.SessionPlanned;
import org.collaborative.events.retreat.WaitingListJoined;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.retreat.RetreatView.Allocation;
import org.collaborative.views.retreat.RetreatView.Attendee;
import org.collaborative.views.retreat.RetreatView.Notice;
import org.collaborative.views.retreat.RetreatView.Session;
import org.springframework.stereotype.Component;

/** Each retreat's page: details, agenda, invitations, places, waiting list and breakouts. */
@Component
public class RetreatsProjector extends DeclaredProjector<RetreatView> {

    public static final String NAME = RetreatView.COLLECTION;

    public RetreatsProjector() {
        super(NAME, RetreatView.class, HANDLERS);
    }

    private static final EventHandlers<RetreatView> HANDLERS = new EventHandlers<RetreatView>()
            .onAggregate(
                    RetreatScheduled.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.details(e.title(), e.kind().name(), e.place(), e.onlineLink(), e.startsAt(), e.endsAt());
                        draft.capacity = e.capacity();
                        draft.themeIds = List.copyOf(e.themeIds());
                        draft.inviteOnly = e.inviteOnly();
                        draft.scheduledBy = e.scheduledBy();
                        draft.scheduledAt = e.at();
                        draft.status = "SCHEDULED";
                    }))
            .onAggregate(
                    RetreatChanged.class,
                    (view, e, envelope) -> change(view, draft -> {
                        List<String> changes = new ArrayList<>();
                        if (!Objects.equals(draft.title, e.title())) {
                            changes.add("TITLE");
                        }
                        if (!Objects.equals(draft.startsAt, e.startsAt())
                                || !Objects.equals(draft.endsAt, e.endsAt())) {
                            changes.add("DATES");
                        }
                        if (!Objects.equals(draft.place, e.place())) {
                            changes.add("PLACE");
                        }
                        if (!Objects.equals(draft.onlineLink, e.onlineLink())) {
                            changes.add("ONLINE_LINK");
                        }
                        draft.details(e.title(), e.kind().name(), e.place(), e.onlineLink(), e.startsAt(), e.endsAt());
                        draft.capacity = e.capacity();
                        draft.themeIds = List.copyOf(e.themeIds());
                        draft.inviteOnly = e.inviteOnly();
                        if (!changes.isEmpty()) {
                            draft.notice("CHANGED", envelope.sequence(), e.at(), e.changedBy(), changes, null);
                        }
                    }))
            .onAggregate(
                    RetreatPostponed.class,
                    (view, e, envelope) -> change(view, draft -> {
                        Duration shift = Duration.between(draft.startsAt, e.startsAt());
                        draft.sessions.replaceAll(s -> new Session(
                                s.sessionId(),
                                s.title(),
                                s.kind(),
                                s.startsAt().plus(shift),
                                s.endsAt().plus(shift),
                                s.room(),
                                s.facilitatorId(),
                                s.themeId(),
                                s.groupId()));
                        draft.startsAt = e.startsAt();
                        draft.endsAt = e.endsAt();
                        draft.status = "POSTPONED";
                        draft.statusReason = e.reason();
                        draft.notice("POSTPONED", envelope.sequence(), e.at(), e.by(), List.of("DATES"), e.reason());
                    }))
            .onAggregate(
                    RetreatCancelled.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.status = "CANCELLED";
                        draft.statusReason = e.reason();
                        draft.notice("CANCELLED", envelope.sequence(), e.at(), e.by(), List.of(), e.reason());
                    }))
            .onAggregate(
                    SessionPlanned.class,
                    (view, e, envelope) -> change(
                            view,
                            draft -> draft.session(new Session(
                                    e.sessionId(),
                                    e.title(),
                                    e.kind().name(),
                                    e.startsAt(),
                                    e.endsAt(),
                                    e.room(),
                                    e.facilitatorId(),
                                    e.themeId(),
                                    e.groupId()))))
            .onAggregate(
                    SessionChanged.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.session(new Session(
                                e.sessionId(),
                                e.title(),
                                e.kind().name(),
                                e.startsAt(),
                                e.endsAt(),
                                e.room(),
                                e.facilitatorId(),
                                e.themeId(),
                                e.groupId()));
                        if (!"BREAKOUT".equals(e.kind().name())) {
                            draft.breakouts.remove(e.sessionId());
                        }
                    }))
            .onAggregate(
                    SessionDropped.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.sessions.removeIf(s -> s.sessionId().equals(e.sessionId()));
                        draft.breakouts.remove(e.sessionId());
                    }))
            .onAggregate(
                    PeopleInvited.class,
                    (view, e, envelope) -> change(
                            view,
                            draft -> e.memberIds().forEach(id -> {
                                if (!draft.invited.contains(id)) {
                                    draft.invited.add(id);
                                }
                                draft.declined.remove(id);
                            })))
            .onAggregate(
                    PlaceDeclined.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.invited.remove(e.memberId());
                        draft.declined.add(e.memberId());
                    }))
            .onAggregate(
                    PlaceTaken.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.invited.remove(e.memberId());
                        draft.registered.add(new Attendee(e.memberId(), e.organisationId(), e.at()));
                    }))
            .onAggregate(
                    WaitingListJoined.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.invited.remove(e.memberId());
                        draft.waiting.add(new Attendee(e.memberId(), e.organisationId(), e.at()));
                    }))
            .onAggregate(
                    PromotedFromWaitingList.class,
                    (view, e, envelope) -> change(
                            view,
                            draft -> draft.waiting.stream()
                                    .filter(a -> a.memberId().equals(e.memberId()))
                                    .findFirst()
                                    .ifPresent(waiting -> {
                                        draft.waiting.remove(waiting);
                                        draft.registered.add(
                                                new Attendee(e.memberId(), waiting.organisationId(), e.at()));
                                    })))
            .onAggregate(
                    PlaceGivenUp.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.registered.removeIf(a -> a.memberId().equals(e.memberId()));
                        draft.waiting.removeIf(a -> a.memberId().equals(e.memberId()));
                        draft.preferences.remove(e.memberId());
                        draft.breakouts.replaceAll((id, members) -> without(members, e.memberId()));
                    }))
            .onAggregate(
                    BreakoutPreferencesStated.class,
                    (view, e, envelope) ->
                            change(view, draft -> draft.preferences.put(e.memberId(), List.copyOf(e.sessionIds()))))
            .onAggregate(
                    BreakoutsAllocated.class,
                    (view, e, envelope) -> change(view, draft -> {
                        draft.breakouts.clear();
                        e.membersBySession().forEach((id, members) -> draft.breakouts.put(id, List.copyOf(members)));
                        draft.allocation = new Allocation(e.by(), e.at(), 0);
                    }))
            .onAggregate(
                    ParticipantMovedToBreakout.class,
                    (view, e, envelope) -> change(view, draft -> {
                        if (e.fromSessionId() != null) {
                            draft.breakouts.computeIfPresent(
                                    e.fromSessionId(), (id, members) -> without(members, e.memberId()));
                        }
                        List<String> to = new ArrayList<>(draft.breakouts.getOrDefault(e.toSessionId(), List.of()));
                        to.add(e.memberId());
                        draft.breakouts.put(e.toSessionId(), to);
                        Allocation last =
                                draft.allocation == null ? new Allocation(e.by(), e.at(), 0) : draft.allocation;
                        draft.allocation = new Allocation(last.by(), last.at(), last.movedByHand() + 1);
                    }));

    @Override
    public RetreatView empty(String id) {
        return new RetreatView(
                id, null, null, null, null, null, null, 0, List.of(), false, null, null, null, null, List.of(),
                List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), null, List.of(), Map.of(), null);
    }

    private static List<String> without(List<String> ids, String id) {
        return ids.stream().filter(existing -> !existing.equals(id)).toList();
    }

    private static RetreatView change(RetreatView view, java.util.function.Consumer<Draft> change) {
        Draft draft = new Draft(view);
        change.accept(draft);
        return draft.toView();
    }

    /** A mutable copy of the view while one event is applied. */
    private static final class Draft {
        final RetreatView view;
        String title;
        String kind;
        String place;
        String onlineLink;
        LocalDateTime startsAt;
        LocalDateTime endsAt;
        int capacity;
        List<String> themeIds;
        boolean inviteOnly;
        String scheduledBy;
        Instant scheduledAt;
        String status;
        String statusReason;
        final List<Session> sessions;
        final List<String> invited;
        final List<String> declined;
        final List<Attendee> registered;
        final List<Attendee> waiting;
        final Map<String, List<String>> preferences;
        final Map<String, List<String>> breakouts;
        Allocation allocation;
        final List<Notice> notices;

        Draft(RetreatView view) {
            this.view = view;
            title = view.title();
            kind = view.kind();
            place = view.place();
            onlineLink = view.onlineLink();
            startsAt = view.startsAt();
            endsAt = view.endsAt();
            capacity = view.capacity();
            themeIds = orEmpty(view.themeIds());
            inviteOnly = view.inviteOnly();
            scheduledBy = view.scheduledBy();
            scheduledAt = view.scheduledAt();
            status = view.status();
            statusReason = view.statusReason();
            sessions = new ArrayList<>(orEmpty(view.sessions()));
            invited = new ArrayList<>(orEmpty(view.invited()));
            declined = new ArrayList<>(orEmpty(view.declined()));
            registered = new ArrayList<>(orEmpty(view.registered()));
            waiting = new ArrayList<>(orEmpty(view.waiting()));
            preferences = new LinkedHashMap<>(view.preferences() == null ? Map.of() : view.preferences());
            breakouts = new LinkedHashMap<>(view.breakouts() == null ? Map.of() : view.breakouts());
            allocation = view.allocation();
            notices = new ArrayList<>(orEmpty(view.notices()));
        }

        /** Records what the people concerned are told, with the retreat's details as they now stand. */
        void notice(String kind, long sequence, Instant at, String actorId, List<String> changes, String reason) {
            notices.add(new Notice(
                    kind,
                    sequence,
                    at,
                    actorId,
                    List.copyOf(changes),
                    title,
                    startsAt,
                    endsAt,
                    place,
                    onlineLink,
                    reason));
            while (notices.size() > RetreatView.NOTICES_KEPT) {
                notices.remove(0);
            }
        }

        void details(
                String title,
                String kind,
                String place,
                String onlineLink,
                LocalDateTime startsAt,
                LocalDateTime endsAt) {
            this.title = title;
            this.kind = kind;
            this.place = place;
            this.onlineLink = onlineLink;
            this.startsAt = startsAt;
            this.endsAt = endsAt;
        }

        /** Adds or replaces the session, keeping the agenda in time order (then planning order). */
        void session(Session session) {
            sessions.removeIf(s -> s.sessionId().equals(session.sessionId()));
            sessions.add(session);
            sessions.sort(java.util.Comparator.comparing(Session::startsAt));
        }

        RetreatView toView() {
            return new RetreatView(
                    view.id(),
                    title,
                    kind,
                    place,
                    onlineLink,
                    startsAt,
                    endsAt,
                    capacity,
                    themeIds,
                    inviteOnly,
                    scheduledBy,
                    scheduledAt,
                    status,
                    statusReason,
                    List.copyOf(sessions),
                    List.copyOf(invited),
                    List.copyOf(declined),
                    List.copyOf(registered),
                    List.copyOf(waiting),
                    preferences,
                    breakouts,
                    allocation,
                    List.copyOf(notices),
                    view.applied(),
                    view.version());
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
