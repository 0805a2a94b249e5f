package org.collaborative.app.retreat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people read them: "4 March 2027, 12:00", in Europe/London. Pages use it as {@code @retreatDates}.
 */
@Component("retreatDates")
public class RetreatDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** For pages: the same as {@link #format}. */
    public String at(LocalDateTime at) {
        return format(at);
    }

    /** For pages: the same as {@link #describe}. */
    public String span(LocalDateTime startsAt, LocalDateTime endsAt) {
        return startsAt == null || endsAt == null ? "" : describe(startsAt, endsAt);
    }

    /** For pages: "14:00 to 16:00". */
    public String times(LocalDateTime startsAt, LocalDateTime endsAt) {
        return TIME.format(startsAt) + " to " + TIME.format(endsAt);
    }

    /** For pages: "Thursday 4 March 2027". */
    public String day(LocalDateTime at) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).format(at);
    }

    public static String format(LocalDateTime at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** "from 4 March 2027, 12:00 to 5 March 2027, 12:00", or "… to 17:00" within a day. */
    public static String describe(LocalDateTime startsAt, LocalDateTime endsAt) {
        String end = startsAt.toLocalDate().equals(endsAt.toLocalDate()) ? TIME.format(endsAt) : format(endsAt);
        return "from " + format(startsAt) + " to " + end;
    }
}
