package org.collaborative.app.web.commitment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** A GOV.UK date input (day, month and year typed separately), read into a date or the error to show. */
record DateInput(String day, String month, String year) {

    /** The date, or empty when nothing was typed; a {@link DateTimeException} when what was typed is not a date. */
    Optional<LocalDate> date() {
        if (blank(day) && blank(month) && blank(year)) {
            return Optional.empty();
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y < 1000 || y > 9999) {
                throw new DateTimeException("year");
            }
            return Optional.of(LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip())));
        } catch (NumberFormatException | NullPointerException e) {
            throw new DateTimeException("not a date");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
