package org.collaborative.projections.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * One member's digest week: the moment the digest is due (their day and time, in London) and the seven days of London
 * time before it. Both ends are local times in Europe/London, so a week that spans a clock change is 167 or 169 hours
 * long, and the digest still comes at the same time on the clock.
 *
 * @param week the ISO week of the due date, e.g. {@code 2026-W14}: with the member id, the digest's id
 * @param from the start of the week covered (inclusive): the same day and time a week earlier
 * @param due when the digest is made; the end of the week covered (exclusive)
 */
public record DigestWeek(String week, Instant from, Instant due) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The latest digest week due at or before {@code now} for this day and time. */
    public static DigestWeek latestDue(Instant now, DayOfWeek day, LocalTime time) {
        ZonedDateTime local = now.atZone(LONDON);
        LocalDate date = local.toLocalDate().with(TemporalAdjusters.previousOrSame(day));
        if (at(date, time).isAfter(now)) {
            date = date.minusWeeks(1);
        }
        return of(date, time);
    }

    /** The digest week due on this date at this time, London time. */
    public static DigestWeek of(LocalDate dueDate, LocalTime time) {
        String week = dueDate.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", dueDate.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new DigestWeek(week, at(dueDate.minusWeeks(1), time), at(dueDate, time));
    }

    /**
     * A local date and time in London as an instant. A time that the clocks skip (01:30 on the last Sunday of March)
     * becomes the same time after the change (02:30 BST); a time that happens twice (01:30 on the last Sunday of
     * October) is the first of the two.
     */
    static Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, LONDON).toInstant();
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(due);
    }

    public String idFor(String memberId) {
        return memberId + ":" + week;
    }
}
