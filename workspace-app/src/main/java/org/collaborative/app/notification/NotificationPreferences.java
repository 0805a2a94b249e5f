package org.collaborative.app.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.notification.DigestScheduleChosen;
import org.collaborative.events.notification.DigestUnsubscribed;
import org.collaborative.events.notification.NotificationFrequency;
import org.collaborative.events.notification.NotificationFrequencyChosen;
import org.collaborative.events.notification.NotificationsRead;

/**
 * One member's notification choices (id {@code notifications:<memberId>}): how often they hear about each group or
 * item they follow, when their weekly digest comes and whether it is emailed, and how far they have read. Its own
 * aggregate, so that reading notifications never contends with following things or with the member's profile.
 * Choosing what is already chosen records nothing.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class NotificationPreferences {

    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);

    @AggregateIdentifier
    private String preferencesId;

    private final Map<String, NotificationFrequency> frequencies = new HashMap<>();
    private DayOfWeek day = DEFAULT_DAY;
    private LocalTime time = DEFAULT_TIME;
    private boolean emailed = true;
    private Instant readUpTo;

    protected NotificationPreferences() {}

    public static String idFor(String memberId) {
        return "notifications:" + memberId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChooseNotificationFrequency command) {
        DomainRules.require("target", command.target());
        DomainRules.requireText("target id", command.targetId(), 100);
        DomainRules.require("frequency", command.frequency());
        preferencesId = command.preferencesId();
        NotificationFrequency current =
                frequencies.getOrDefault(key(command.target(), command.targetId()), NotificationFrequency.IMMEDIATELY);
        if (current != command.frequency()) {
            apply(new NotificationFrequencyChosen(
                    command.memberId(), command.target(), command.targetId(), command.frequency(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChooseDigestSchedule command) {
        DomainRules.require("day", command.day());
        DomainRules.require("time", command.time());
        if (command.time().getSecond() != 0 || command.time().getNano() != 0) {
            throw new InvalidInputException("time", "Enter a time in hours and minutes, like 08:00");
        }
        preferencesId = command.preferencesId();
        if (command.day() != day || !command.time().equals(time) || command.emailed() != emailed) {
            apply(new DigestScheduleChosen(
                    command.memberId(), command.day(), command.time(), command.emailed(), command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UnsubscribeFromDigest command) {
        preferencesId = command.preferencesId();
        if (emailed) {
            apply(new DigestUnsubscribed(command.memberId(), command.at()));
        }
    }

    /** Reading never goes backwards: marking an earlier moment read records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MarkNotificationsRead command) {
        DomainRules.require("up to", command.upTo());
        preferencesId = command.preferencesId();
        if (readUpTo == null || command.upTo().isAfter(readUpTo)) {
            apply(new NotificationsRead(command.memberId(), command.upTo(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(NotificationFrequencyChosen event) {
        preferencesId = idFor(event.memberId());
        frequencies.put(key(event.target(), event.targetId()), event.frequency());
    }

    @EventSourcingHandler
    void on(DigestScheduleChosen event) {
        preferencesId = idFor(event.memberId());
        day = event.day();
        time = event.time();
        emailed = event.emailed();
    }

    @EventSourcingHandler
    void on(DigestUnsubscribed event) {
        preferencesId = idFor(event.memberId());
        emailed = false;
    }

    @EventSourcingHandler
    void on(NotificationsRead event) {
        preferencesId = idFor(event.memberId());
        readUpTo = event.readUpTo();
    }

    private static String key(FollowTarget target, String targetId) {
        return target + ":" + targetId;
    }
}
