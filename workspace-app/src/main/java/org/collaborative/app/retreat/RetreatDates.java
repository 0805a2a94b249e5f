package org.collaborative.app.retreat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as people read them: "4 March 2027, 12:00", in Europe/London. */
public final class RetreatDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private RetreatDates() {}

    public static String format(LocalDateTime at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** "from 4 March 2027, 12:00 to 5 March 2027, 12:00", or "… to 17:00" within a day. */
    public static String describe(LocalDateTime startsAt, LocalDateTime endsAt) {
        String end = startsAt.toLocalDate().equals(endsAt.toLocalDate()) ? TIME.format(endsAt) : format(endsAt);
        return "from " + format(startsAt) + " to " + end;
    }
}
