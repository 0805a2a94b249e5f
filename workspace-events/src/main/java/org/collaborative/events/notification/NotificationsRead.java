package org.collaborative.events.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member marked their notifications read: everything that happened up to {@code readUpTo} is no longer new. */
@Revision("1")
public record NotificationsRead(String memberId, Instant readUpTo, Instant readAt) {}
