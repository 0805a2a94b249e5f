package org.collaborative.app.notification;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Mark everything in the notification centre up to a moment as read. */
public record MarkNotificationsRead(
        @TargetAggregateIdentifier String preferencesId, String memberId, Instant upTo, Instant at) {

    public static MarkNotificationsRead of(String memberId, Instant upTo, Instant at) {
        return new MarkNotificationsRead(NotificationPreferences.idFor(memberId), memberId, upTo, at);
    }
}
