package org.collaborative.events.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member stopped the weekly digest's email with the one-click link in a digest email (RFC 8058). The digest is still
 * kept in the app; the member can turn the email back on from their notification settings.
 */
@Revision("1")
public record DigestUnsubscribed(String memberId, Instant unsubscribedAt) {}
