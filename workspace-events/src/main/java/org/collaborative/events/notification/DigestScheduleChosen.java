package org.collaborative.events.notification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.axonframework.serialization.Revision;

/**
 * A member chose when their weekly digest is made (a day and a time in London, Europe/London) and whether it is also
 * emailed to them. The digest is always kept in the app and the member's feed.
 */
@Revision("1")
public record DigestScheduleChosen(String memberId, DayOfWeek day, LocalTime time, boolean emailed, Instant chosenAt) {}
