package org.collaborative.projections.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.events.notification.DigestScheduleChosen;
import org.collaborative.events.notification.DigestUnsubscribed;
import org.collaborative.events.notification.NotificationFrequencyChosen;
import org.collaborative.events.notification.NotificationsRead;
import org.collaborative.projections.infrastructure.EventEnvelope;
import org.collaborative.projections.infrastructure.Projector;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.digest.NotificationSettings.Frequency;
import org.springframework.stereotype.Component;

/**
 * Who receives which digest, when, and how often each member hears about what they follow. The member's role follows
 * {@link MemberRoleChanged} (a new chief executive gets the chief executive's digest from the next one); an erased
 * member keeps no settings at all: no organisation (so the scheduler makes them no digest), no role, no choices.
 */
@Component
public class NotificationSettingsProjector implements Projector<NotificationSettings> {

    public static final String NAME = NotificationSettings.COLLECTION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<NotificationSettings> viewType() {
        return NotificationSettings.class;
    }

    @Override
    public Optional<String> viewId(EventEnvelope event) {
        return viewId(event.payload());
    }

    /** The id of the document the payload names, or empty when the view does not follow the event. */
    public Optional<String> viewId(Object event) {
        if (event instanceof MemberRegistered e) {
            return Optional.of(e.memberId());
        }
        if (event instanceof MemberRoleChanged e) {
            return Optional.of(e.memberId());
        }
        if (event instanceof MemberErased e) {
            return Optional.of(e.memberId());
        }
        if (event instanceof DigestScheduleChosen e) {
            return Optional.of(e.memberId());
        }
        if (event instanceof DigestUnsubscribed e) {
            return Optional.of(e.memberId());
        }
        if (event instanceof NotificationFrequencyChosen e) {
            return Optional.of(e.memberId());
        }
        if (event instanceof NotificationsRead e) {
            return Optional.of(e.memberId());
        }
        return Optional.empty();
    }

    @Override
    public NotificationSettings empty(String id) {
        return new NotificationSettings(id, null, null, null, null, true, List.of(), null, Map.of(), null);
    }

    @Override
    public NotificationSettings apply(NotificationSettings s, EventEnvelope envelope) {
        Object payload = envelope.payload();
        if (payload instanceof MemberRegistered e) {
            return new NotificationSettings(
                    s.id(),
                    e.organisationId(),
                    e.role().name(),
                    s.day(),
                    s.time(),
                    s.emailed(),
                    s.frequencies(),
                    s.readUpTo(),
                    s.applied(),
                    s.version());
        }
        if (payload instanceof MemberRoleChanged e) {
            return new NotificationSettings(
                    s.id(),
                    s.organisationId(),
                    e.role().name(),
                    s.day(),
                    s.time(),
                    s.emailed(),
                    s.frequencies(),
                    s.readUpTo(),
                    s.applied(),
                    s.version());
        }
        if (payload instanceof MemberErased) {
            return new NotificationSettings(
                    s.id(), null, null, null, null, false, List.of(), null, s.applied(), s.version());
        }
        if (payload instanceof DigestScheduleChosen e) {
            return new NotificationSettings(
                    s.id(),
                    s.organisationId(),
                    s.role(),
                    e.day().name(),
                    e.time().toString(),
                    e.emailed(),
                    s.frequencies(),
                    s.readUpTo(),
                    s.applied(),
                    s.version());
        }
        if (payload instanceof DigestUnsubscribed) {
            return new NotificationSettings(
                    s.id(),
                    s.organisationId(),
                    s.role(),
                    s.day(),
                    s.time(),
                    false,
                    s.frequencies(),
                    s.readUpTo(),
                    s.applied(),
                    s.version());
        }
        if (payload instanceof NotificationFrequencyChosen e) {
            List<Frequency> next = new ArrayList<>(s.frequencies().stream()
                    .filter(f -> !(f.target().equals(e.target().name())
                            && f.targetId().equals(e.targetId())))
                    .toList());
            next.add(
                    new Frequency(e.target().name(), e.targetId(), e.frequency().name()));
            return new NotificationSettings(
                    s.id(),
                    s.organisationId(),
                    s.role(),
                    s.day(),
                    s.time(),
                    s.emailed(),
                    next,
                    s.readUpTo(),
                    s.applied(),
                    s.version());
        }
        if (payload instanceof NotificationsRead e) {
            java.time.Instant upTo =
                    s.readUpTo() == null || e.readUpTo().isAfter(s.readUpTo()) ? e.readUpTo() : s.readUpTo();
            return new NotificationSettings(
                    s.id(),
                    s.organisationId(),
                    s.role(),
                    s.day(),
                    s.time(),
                    s.emailed(),
                    s.frequencies(),
                    upTo,
                    s.applied(),
                    s.version());
        }
        return s;
    }
}
