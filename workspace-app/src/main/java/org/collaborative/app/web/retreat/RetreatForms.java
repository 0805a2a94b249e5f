package org.collaborative.app.web.retreat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.collaborative.app.retreat.AttendanceNeeds;
import org.collaborative.app.retreat.Retreat;
import org.collaborative.events.retreat.RetreatKind;
import org.collaborative.events.retreat.SessionKind;
import org.springframework.validation.BindingResult;

/** The forms of the retreat pages: every field is checked before a command is sent (docs/adr/0005). */
final class RetreatForms {

    private RetreatForms() {}

    /** Scheduling or changing a retreat. Dates and times are typed as the browser's date-time field sends them. */
    record RetreatForm(
            String retreatId,

            @NotBlank(message = "Enter a title")
            @Size(
                    max = Retreat.MAX_TITLE,
                    message = "The title must be ${formatter.format('%,d', max)} characters or fewer")
            String title,

            @NotNull(message = "Choose what kind of retreat it is")
            RetreatKind kind,

            @Size(
                    max = Retreat.MAX_PLACE,
                    message = "The place must be ${formatter.format('%,d', max)} characters or fewer")
            String place,

            @Size(
                    max = Retreat.MAX_LINK,
                    message = "The online link must be ${formatter.format('%,d', max)} characters or fewer")
            String onlineLink,

            String startsAt,
            String endsAt,
            String capacity,
            List<String> themeIds,
            Boolean inviteOnly) {

        static RetreatForm blank(String retreatId) {
            return new RetreatForm(retreatId, "", null, "", "", "", "", "", List.of(), true);
        }
    }

    /** Postponing: the new dates and why. */
    record PostponeForm(
            String startsAt,
            String endsAt,

            @NotBlank(message = "Enter why the retreat is postponed")
            @Size(
                    max = Retreat.MAX_REASON,
                    message = "The reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {}

    record CancelForm(
            @NotBlank(message = "Enter why the retreat is cancelled")
            @Size(
                    max = Retreat.MAX_REASON,
                    message = "The reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {}

    /** Planning or changing a session. */
    record SessionForm(
            String sessionId,

            @NotBlank(message = "Enter a title")
            @Size(
                    max = Retreat.MAX_TITLE,
                    message = "The title must be ${formatter.format('%,d', max)} characters or fewer")
            String title,

            @NotNull(message = "Choose plenary or breakout") SessionKind kind,
            String startsAt,
            String endsAt,

            @Size(
                    max = Retreat.MAX_ROOM,
                    message = "The room must be ${formatter.format('%,d', max)} characters or fewer")
            String room,

            String facilitatorId,
            String themeId,
            String groupId) {}

    /** Registering, with optional access and dietary needs (personal data, sealed). */
    record RegisterForm(
            @Size(
                    max = AttendanceNeeds.MAX,
                    message = "Access needs must be ${formatter.format('%,d', max)} characters or fewer")
            String access,

            @Size(
                    max = AttendanceNeeds.MAX,
                    message = "Dietary needs must be ${formatter.format('%,d', max)} characters or fewer")
            String dietary) {}

    /** Inviting: {@code scope} names what {@code target} is (an email address, organisation id, role or group id). */
    record InviteForm(String scope, String person, String organisationId, String role, String groupId) {}

    /** A date-time from a form field, or null with an error on {@code field} when it is missing or not one. */
    static LocalDateTime dateTime(String value, String field, String what, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "missing", "Enter when " + what);
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "invalid", "Enter when " + what + " as a date and time, like 2027-03-04T09:30");
            return null;
        }
    }

    /** The capacity typed, or null with an error when it is not a whole number of at least 1. */
    static Integer capacity(String value, BindingResult errors) {
        try {
            int capacity = Integer.parseInt(value == null ? "" : value.strip());
            if (capacity < 1) {
                errors.rejectValue("capacity", "small", "Capacity must be at least 1");
                return null;
            }
            return capacity;
        } catch (NumberFormatException e) {
            errors.rejectValue("capacity", "invalid", "Enter the number of places as a whole number, like 40");
            return null;
        }
    }
}
