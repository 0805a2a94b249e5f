package org.collaborative.views.digest;

import java.time.DayOfWeek;
import java.time.Duration;
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
 * @param from the start of the week covered (inclusive): the same day and time a week earlier, or where the member's
 *     previous digest ended when their day or time changed since ({@link #continuing})
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

    /**
     * How far back a digest looks for the member's previous one to continue from; further back than this, it covers
     * its own seven days.
     */
    public static final Duration CONTINUES_WITHIN = Duration.ofDays(14);

    /**
     * The digest week the scheduler makes next for this day and time, given the ISO weeks that already have the
     * member's digest: the latest one due by {@code now} while its week has none (it is made at the scheduler's next
     * tick), otherwise the first one after it whose week has none. There is one digest per ISO week, so a day or time
     * moved later in a week that has had its digest applies from the week after. The settings page says this date, so
     * what the member is told and what the scheduler does are one rule.
     */
    public static DigestWeek next(Instant now, DayOfWeek day, LocalTime time, java.util.Collection<String> madeWeeks) {
        DigestWeek week = latestDue(now, day, time);
        LocalDate date = LocalDate.ofInstant(week.due(), LONDON);
        while (madeWeeks.contains(week.week())) {
            date = date.plusWeeks(1);
            week = of(date, time);
        }
        return week;
    }

    /**
     * This week continued from the member's previous digest, due at {@code previousDue}: it covers from there when that
     * was less than {@link #CONTINUES_WITHIN} before this one is due, so a changed day or time leaves no gap and
     * repeats nothing; otherwise (no previous digest, or a long pause) its own seven days.
     */
    public DigestWeek continuing(Instant previousDue) {
        if (previousDue == null || !previousDue.isBefore(due) || previousDue.isBefore(due.minus(CONTINUES_WITHIN))) {
            return this;
        }
        return new DigestWeek(week, previousDue, due);
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
