package org.collaborative.app.web.practice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.practice.Practice;
import org.collaborative.views.practice.PracticeView;
import org.springframework.validation.BindingResult;

/**
 * The forms of the practice pages, as posted: every value is kept as typed (a date as its day, month and year, an
 * amount as written) so that a form sent back with errors shows what was typed (docs/adr/0005).
 */
final class PracticeForms {

    private PracticeForms() {}

    /**
     * A move of an organisation's adoption; {@code organisationId} is the reader's own unless they are a facilitator;
     * {@code pledgeId} an open pledge of the organisation the move fulfils, or blank.
     */
    record MoveForm(
            String organisationId,
            String stage,
            String day,
            String month,
            String year,
            String variant,
            String setback,
            String setbackDetail,
            String pledgeId) {

        static MoveForm blank(String organisationId) {
            return new MoveForm(organisationId, null, "", "", "", "", null, "", null);
        }
    }

    /** An outcome of the reader's organisation's adoption; the id is minted when the form is shown. */
    record OutcomeForm(
            String outcomeId,
            String organisationId,
            String kind,
            String amount,
            String recurrence,
            String startDay,
            String startMonth,
            String startYear,
            String endDay,
            String endMonth,
            String endYear,
            String measureName,
            String before,
            String after,
            String unit,
            String source,
            String evidenceLevel) {

        static OutcomeForm blank(String organisationId) {
            return new OutcomeForm(
                    Forms.newId(), organisationId, null, "", null, "", "", "", "", "", "", "", "", "", "", "", null);
        }
    }

    /** A practice recorded directly by a facilitator. */
    record PracticeForm(
            String practiceId,
            String name,
            String summary,
            String themeId,
            String originatingOrganisationId,
            String day,
            String month,
            String year) {

        static PracticeForm blank() {
            return new PracticeForm(Forms.newId(), "", "", null, null, "", "", "");
        }
    }

    /**
     * A practice's name and summary as changed, with the version of the practice the form was opened on ({@code
     * basedOn}: the sequence number of its last event the page was read from), so that sending the form twice is one
     * change and someone else's change made meanwhile is not undone (the aggregate refuses it).
     */
    record ReviseForm(
            String basedOn,

            @NotBlank(message = "Enter the name of the practice")
            @Size(
                    max = Practice.MAX_NAME,
                    message = "The name must be ${formatter.format('%,d', max)} characters or fewer")
            String name,

            @NotBlank(message = "Enter a summary of the practice")
            @Size(
                    max = Practice.MAX_SUMMARY,
                    message = "The summary must be ${formatter.format('%,d', max)} characters or fewer")
            String summary) {

        static ReviseForm of(PracticeView practice) {
            Long version =
                    practice.applied() == null ? null : practice.applied().get(practice.id());
            return new ReviseForm(version == null ? "" : version.toString(), practice.name(), practice.summary());
        }

        /** The version the form was opened on, or null when it carries none that could be one. */
        Long version() {
            try {
                return blank(basedOn) ? null : Long.valueOf(basedOn.strip());
            } catch (NumberFormatException notAVersion) {
                return null;
            }
        }
    }

    /** The evidence chosen to link to a practice, and the words searched for, if any, to find it. */
    record LinkForm(String evidenceId, String q) {}

    /**
     * The date typed in three fields: empty when all three are blank, else the date, or an error on {@code field} when
     * it is not a real one.
     */
    static Optional<LocalDate> date(
            String day, String month, String year, BindingResult errors, String field, String what) {
        if (blank(day) && blank(month) && blank(year)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip())));
        } catch (NumberFormatException | DateTimeException | NullPointerException notADate) {
            errors.rejectValue(field, "invalid-date", what + " must be a real date, like 27 3 2025");
            return Optional.empty();
        }
    }

    /** An amount in pounds as typed ("£400,000", "1234.50") in pence; null when blank or not an amount (then an error). */
    static Long pence(String amount, BindingResult errors, String field) {
        if (blank(amount)) {
            return null;
        }
        try {
            BigDecimal pounds = new BigDecimal(amount.strip().replace("£", "").replace(",", ""));
            if (pounds.scale() > 2) {
                throw new NumberFormatException("more than pence");
            }
            return pounds.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException notAnAmount) {
            errors.rejectValue(field, "invalid-amount", "Enter the amount in pounds, like £400,000 or 1250.50");
            return null;
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
