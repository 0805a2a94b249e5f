package org.collaborative.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.collaborative.app.support.Snapshotting;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.notification.DigestScheduleChosen;
import org.collaborative.events.notification.NotificationFrequency;
import org.collaborative.events.notification.NotificationsRead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A member's notification preferences, which gain an event each time they read their notifications (years of daily
 * use: thousands), snapshotted many times over (ADR 31), answer every command as the same preferences rebuilt from all
 * their events: how far they have read, how often they hear about each thing they follow and their digest schedule come
 * through the snapshots.
 */
class NotificationPreferencesSnapshotTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final String ID = NotificationPreferences.idFor("tom");

    private final Snapshotting<NotificationPreferences> preferences = new Snapshotting<>(NotificationPreferences.class);

    @AfterEach
    void close() {
        preferences.close();
    }

    @Test
    void everyRuleThatRestsOnEarlierEventsHoldsAfterLoadingFromASnapshot() {
        preferences.send(
                new ChooseNotificationFrequency(ID, "tom", FollowTarget.GROUP, "g1", NotificationFrequency.WEEKLY, AT));
        preferences.send(new ChooseDigestSchedule(ID, "tom", DayOfWeek.FRIDAY, LocalTime.of(7, 30), true, AT));
        for (int day = 1; day <= 40; day++) {
            Instant read = AT.plusSeconds(86_400L * day);
            preferences.send(MarkNotificationsRead.of("tom", read, read));
        }
        assertThat(preferences.snapshotsStored()).isGreaterThanOrEqualTo(3);
        assertThat(preferences.snapshotJson(ID)).contains("WEEKLY", "FRIDAY", "07:30");

        // Each of these depends on an event from before the last snapshot.
        Instant lastRead = AT.plusSeconds(86_400L * 40);
        assertThat(preferences
                        .send(MarkNotificationsRead.of("tom", lastRead.minusSeconds(60), lastRead))
                        .events())
                .as("reading never goes backwards")
                .isEmpty();
        assertThat(preferences
                        .send(MarkNotificationsRead.of("tom", lastRead.plusSeconds(60), lastRead))
                        .events())
                .containsExactly(new NotificationsRead("tom", lastRead.plusSeconds(60), lastRead));
        assertThat(preferences
                        .send(new ChooseNotificationFrequency(
                                ID, "tom", FollowTarget.GROUP, "g1", NotificationFrequency.WEEKLY, AT))
                        .events())
                .as("choosing the frequency already chosen records nothing")
                .isEmpty();
        assertThat(preferences
                        .send(new ChooseDigestSchedule(ID, "tom", DayOfWeek.FRIDAY, LocalTime.of(7, 30), true, AT))
                        .events())
                .isEmpty();
        assertThat(preferences
                        .send(new ChooseDigestSchedule(ID, "tom", DayOfWeek.MONDAY, LocalTime.of(7, 30), true, AT))
                        .events())
                .containsExactly(new DigestScheduleChosen("tom", DayOfWeek.MONDAY, LocalTime.of(7, 30), true, AT));

        assertThat(preferences.snapshotsRead()).isPositive();
        assertThat(preferences.loadedFromSnapshot(ID))
                .usingRecursiveComparison()
                .isEqualTo(preferences.rebuiltFromEvents(ID));
    }
}
