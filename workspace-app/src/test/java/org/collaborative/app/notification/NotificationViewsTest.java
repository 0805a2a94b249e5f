package org.collaborative.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** "Daily" notifications appear once a day at the member's digest time, London time, across the clock change. */
class NotificationViewsTest {

    @Test
    void theDailyCutOffIsTodaysDigestTimeOnceItHasPassedInLondon() {
        // Sunday 29 March 2026, the first day of British Summer Time: 08:30 BST is 07:30 UTC.
        assertThat(NotificationViews.dailyCutOff(Instant.parse("2026-03-29T07:30:00Z"), LocalTime.of(8, 0)))
                .isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void beforeTodaysDigestTimeTheCutOffIsYesterdays() {
        // 07:30 BST: today's 08:00 has not come, so yesterday's 08:00 GMT holds.
        assertThat(NotificationViews.dailyCutOff(Instant.parse("2026-03-29T06:30:00Z"), LocalTime.of(8, 0)))
                .isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
    }
}
