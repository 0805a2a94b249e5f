package org.collaborative.projections.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.events.notification.DigestScheduleChosen;
import org.collaborative.events.notification.DigestUnsubscribed;
import org.collaborative.events.notification.NotificationFrequencyChosen;
import org.collaborative.events.notification.NotificationsRead;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.digest.NotificationSettings.Frequency;
import org.springframework.stereotype.Component;

/**
 * Who receives which digest, when, and how often each member hears about what they follow. The member's role follows
 * {@link MemberRoleChanged} (a new chief executive gets the chief executive's digest from the next one); an erased
 * member keeps no settings at all: no organisation (so the scheduler makes them no digest), no role, no choices.
 */
@Component
public class NotificationSettingsProjector extends DeclaredProjector<NotificationSettings> {

    public static final String NAME = NotificationSettings.COLLECTION;

    public NotificationSettingsProjector() {
        super(NAME, NotificationSettings.class, HANDLERS);
    }

    private static final EventHandlers<NotificationSettings> HANDLERS = new EventHandlers<NotificationSettings>()
            .on(
                    MemberRegistered.class,
                    MemberRegistered::memberId,
                    (s, e, envelope) -> s.placed(e.organisationId(), e.role().name()))
            .on(
                    MemberRoleChanged.class,
                    MemberRoleChanged::memberId,
                    (s, e, envelope) -> s.placed(s.organisationId(), e.role().name()))
            // An erased member keeps no settings: no place, no schedule, no choices, nothing read.
            .on(
                    MemberErased.class,
                    MemberErased::memberId,
                    (s, e, envelope) -> s.placed(null, null)
                            .scheduled(null, null, false)
                            .withFrequencies(List.of())
                            .withReadUpTo(null))
            .on(
                    DigestScheduleChosen.class,
                    DigestScheduleChosen::memberId,
                    (s, e, envelope) -> s.scheduled(e.day().name(), e.time().toString(), e.emailed()))
            .on(
                    DigestUnsubscribed.class,
                    DigestUnsubscribed::memberId,
                    (s, e, envelope) -> s.scheduled(s.day(), s.time(), false))
            .on(NotificationFrequencyChosen.class, NotificationFrequencyChosen::memberId, (s, e, envelope) -> {
                List<Frequency> next = new ArrayList<>(s.frequencies().stream()
                        .filter(f -> !(f.target().equals(e.target().name())
                                && f.targetId().equals(e.targetId())))
                        .toList());
                next.add(new Frequency(
                        e.target().name(), e.targetId(), e.frequency().name()));
                return s.withFrequencies(next);
            })
            .on(
                    NotificationsRead.class,
                    NotificationsRead::memberId,
                    (s, e, envelope) -> s.withReadUpTo(
                            s.readUpTo() == null || e.readUpTo().isAfter(s.readUpTo()) ? e.readUpTo() : s.readUpTo()));

    @Override
    public NotificationSettings empty(String id) {
        return new NotificationSettings(id, null, null, null, null, true, List.of(), null, Map.of(), null);
    }
}
