package org.collaborative.app.notification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.notification.DigestScheduleChosen;
import org.collaborative.events.notification.DigestUnsubscribed;
import org.collaborative.events.notification.NotificationFrequency;
import org.collaborative.events.notification.NotificationFrequencyChosen;
import org.collaborative.events.notification.NotificationsRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationPreferencesTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    private AggregateTestFixture<NotificationPreferences> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NotificationPreferences.class);
    }

    @Test
    void choosingAFrequencyRecordsItOnceAndAsItHappensIsTheDefault() {
        NotificationFrequencyChosen daily =
                new NotificationFrequencyChosen("tom", FollowTarget.GROUP, "g1", NotificationFrequency.DAILY, AT);
        fixture.givenNoPriorActivity()
                .when(ChooseNotificationFrequency.of("tom", FollowTarget.GROUP, "g1", NotificationFrequency.DAILY, AT))
                .expectEvents(daily);
        fixture.given(daily)
                .when(ChooseNotificationFrequency.of("tom", FollowTarget.GROUP, "g1", NotificationFrequency.DAILY, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(daily)
                .when(ChooseNotificationFrequency.of(
                        "tom", FollowTarget.ITEM, "p1", NotificationFrequency.IMMEDIATELY, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theDigestScheduleDefaultsToMondayAtEightEmailedAndRecordsOnlyAChange() {
        fixture.given(new NotificationsRead("priya", AT, AT))
                .when(ChooseDigestSchedule.of("priya", DayOfWeek.MONDAY, LocalTime.of(8, 0), true, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(ChooseDigestSchedule.of("priya", DayOfWeek.FRIDAY, LocalTime.of(16, 30), true, AT))
                .expectEvents(new DigestScheduleChosen("priya", DayOfWeek.FRIDAY, LocalTime.of(16, 30), true, AT));
    }

    @Test
    void cannotChooseADigestTimeWithSeconds() {
        fixture.givenNoPriorActivity()
                .when(ChooseDigestSchedule.of("priya", DayOfWeek.MONDAY, LocalTime.of(8, 0, 30), true, AT))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void unsubscribingStopsTheEmailOnceAndChoosingItAgainStartsIt() {
        fixture.givenNoPriorActivity()
                .when(UnsubscribeFromDigest.of("priya", AT))
                .expectEvents(new DigestUnsubscribed("priya", AT));
        fixture.given(new DigestUnsubscribed("priya", AT))
                .when(UnsubscribeFromDigest.of("priya", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(new DigestUnsubscribed("priya", AT))
                .when(ChooseDigestSchedule.of("priya", DayOfWeek.MONDAY, LocalTime.of(8, 0), true, AT))
                .expectEvents(new DigestScheduleChosen("priya", DayOfWeek.MONDAY, LocalTime.of(8, 0), true, AT));
    }

    @Test
    void readingNeverGoesBackwards() {
        NotificationsRead read = new NotificationsRead("tom", AT, AT);
        fixture.givenNoPriorActivity()
                .when(MarkNotificationsRead.of("tom", AT, AT))
                .expectEvents(read);
        fixture.given(read)
                .when(MarkNotificationsRead.of("tom", AT.minusSeconds(60), AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(read)
                .when(MarkNotificationsRead.of("tom", AT.plusSeconds(60), AT))
                .expectEvents(new NotificationsRead("tom", AT.plusSeconds(60), AT));
    }
}
