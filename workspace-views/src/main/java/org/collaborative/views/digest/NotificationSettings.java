package org.collaborative.views.digest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * In the {@code notification-settings} collection: one member's place (organisation and role) and their notification
 * choices (document id: the member id). A member who has chosen nothing gets the defaults: the digest on Monday at
 * 08:00 London time, emailed, and everything they follow in the notification centre as it happens.
 *
 * @param day the digest's day, as {@link DayOfWeek}'s name; null for the default
 * @param time the digest's time in London, {@code HH:mm}; null for the default
 * @param emailed whether the digest is emailed as well as kept in the app
 * @param frequencies how often they hear about each group or item they follow, where they have chosen
 * @param readUpTo notifications up to this moment are read
 */
public record NotificationSettings(
        @Id String id,
        String organisationId,
        String role,
        String day,
        String time,
        boolean emailed,
        List<Frequency> frequencies,
        Instant readUpTo,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<NotificationSettings> {

    public static final String COLLECTION = "notification-settings";

    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);

    public NotificationSettings {
        frequencies = frequencies == null ? List.of() : frequencies;
    }

    /** @param target GROUP or ITEM; @param frequency IMMEDIATELY, DAILY, WEEKLY or OFF */
    public record Frequency(String target, String targetId, String frequency) {}

    /** The member's place: their organisation and role (an erased member has neither). */
    public NotificationSettings placed(String organisationId, String role) {
        return with("organisationId", organisationId, "role", role);
    }

    /** @param day a {@link DayOfWeek}'s name; @param time {@code HH:mm} in London */
    public NotificationSettings scheduled(String day, String time, boolean emailed) {
        return with("day", day, "time", time, "emailed", emailed);
    }

    public NotificationSettings withFrequencies(List<Frequency> frequencies) {
        return with("frequencies", frequencies);
    }

    public NotificationSettings withReadUpTo(Instant readUpTo) {
        return with("readUpTo", readUpTo);
    }

    public DayOfWeek digestDay() {
        return day == null ? DEFAULT_DAY : DayOfWeek.valueOf(day);
    }

    public LocalTime digestTime() {
        return time == null ? DEFAULT_TIME : LocalTime.parse(time);
    }

    public boolean isChiefExecutive() {
        return "CHIEF_EXECUTIVE".equals(role);
    }

    /** The member's choice for a followed group or item; IMMEDIATELY when they have not chosen. */
    public String frequency(String target, String targetId) {
        return frequencies.stream()
                .filter(f -> f.target().equals(target) && f.targetId().equals(targetId))
                .map(Frequency::frequency)
                .findFirst()
                .orElse("IMMEDIATELY");
    }
}
