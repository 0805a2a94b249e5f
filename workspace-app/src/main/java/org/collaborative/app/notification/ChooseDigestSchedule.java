package org.collaborative.app.notification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Choose the weekly digest's day and time (London time) and whether it is emailed. */
public record ChooseDigestSchedule(
        @TargetAggregateIdentifier String preferencesId,
        String memberId,
        DayOfWeek day,
        LocalTime time,
        boolean emailed,
        Instant at) {

    public static ChooseDigestSchedule of(String memberId, DayOfWeek day, LocalTime time, boolean emailed, Instant at) {
        return new ChooseDigestSchedule(NotificationPreferences.idFor(memberId), memberId, day, time, emailed, at);
    }
}
