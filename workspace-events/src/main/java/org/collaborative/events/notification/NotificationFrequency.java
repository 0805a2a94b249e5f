package org.collaborative.events.notification;

/** How often a member hears about a group or item they follow. */
public enum NotificationFrequency {
    /** In the notification centre as soon as it happens. */
    IMMEDIATELY,
    /** In the notification centre once a day, at the member's digest time. */
    DAILY,
    /** Only in the weekly digest. */
    WEEKLY,
    /** Not at all. */
    OFF
}
