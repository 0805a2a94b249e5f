package org.collaborative.app.notification;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop emailing the weekly digest (the one-click link in a digest email). */
public record UnsubscribeFromDigest(
        @TargetAggregateIdentifier String preferencesId, String memberId, Instant at) {

    public static UnsubscribeFromDigest of(String memberId, Instant at) {
        return new UnsubscribeFromDigest(NotificationPreferences.idFor(memberId), memberId, at);
    }
}
