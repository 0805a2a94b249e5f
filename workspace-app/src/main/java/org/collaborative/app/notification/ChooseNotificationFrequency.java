package org.collaborative.app.notification;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.notification.NotificationFrequency;

/** Choose how often to hear about one group or item the member follows. */
public record ChooseNotificationFrequency(
        @TargetAggregateIdentifier String preferencesId,
        String memberId,
        FollowTarget target,
        String targetId,
        NotificationFrequency frequency,
        Instant at) {

    public static ChooseNotificationFrequency of(
            String memberId, FollowTarget target, String targetId, NotificationFrequency frequency, Instant at) {
        return new ChooseNotificationFrequency(
                NotificationPreferences.idFor(memberId), memberId, target, targetId, frequency, at);
    }
}
