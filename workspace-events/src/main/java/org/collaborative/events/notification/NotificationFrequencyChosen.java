package org.collaborative.events.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.collaborative.events.follow.FollowTarget;

/** A member chose how often to hear about one group or item they follow. */
@Revision("1")
public record NotificationFrequencyChosen(
        String memberId, FollowTarget target, String targetId, NotificationFrequency frequency, Instant chosenAt) {}
