package org.collaborative.app.infrastructure.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.collaborative.app.kernel.London;
import org.springframework.stereotype.Component;

/** Dates and times as GOV.UK style writes them, in London time: "26 November 2026 at 3:05pm". */
@Component("dates")
public class Dates {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(London.ZONE));
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return date(instant) + " at " + TIME.format(instant.atZone(London.ZONE)).toLowerCase(Locale.UK);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
