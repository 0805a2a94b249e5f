package org.collaborative.views.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Digest weeks are London weeks: the digest comes at the same time on the clock through BST and GMT. */
class DigestWeekTest {

    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    private static Instant london(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), DigestWeek.LONDON)
                .toInstant();
    }

    @Test
    void theWeekThatSpringsForwardIsAnHourShortAndEndsAtEightBritishSummerTime() {
        // The clocks go forward at 01:00 GMT on Sunday 29 March 2026, the last Sunday of March.
        DigestWeek week = DigestWeek.latestDue(Instant.parse("2026-03-30T07:00:00Z"), DayOfWeek.MONDAY, EIGHT);

        assertThat(week.due()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z")); // 08:00 BST
        assertThat(week.from()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z")); // 08:00 GMT
        assertThat(Duration.between(week.from(), week.due())).isEqualTo(Duration.ofHours(167));
        assertThat(week.week()).isEqualTo("2026-W14");
        assertThat(week.covers(london("2026-03-30T07:59:59"))).isTrue();
        assertThat(week.covers(london("2026-03-30T08:00"))).isFalse();
        assertThat(week.covers(london("2026-03-23T07:59"))).isFalse();
        assertThat(week.covers(london("2026-03-23T08:00"))).isTrue();
    }

    @Test
    void justBeforeEightOnTheMondayAfterTheChangeTheWeekBeforeIsStillTheLatestDue() {
        // 07:30 BST is 06:30 UTC: in UTC terms it is "after 08:00 GMT would have been", but not yet 08:00 in London.
        DigestWeek week = DigestWeek.latestDue(Instant.parse("2026-03-30T06:30:00Z"), DayOfWeek.MONDAY, EIGHT);

        assertThat(week.week()).isEqualTo("2026-W13");
        assertThat(week.due()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
        assertThat(Duration.between(week.from(), week.due())).isEqualTo(Duration.ofHours(168));
    }

    @Test
    void theWeekThatFallsBackIsAnHourLongerAndEndsAtEightGreenwichMeanTime() {
        // The clocks go back at 02:00 BST on Sunday 25 October 2026, the last Sunday of October.
        DigestWeek week = DigestWeek.latestDue(Instant.parse("2026-10-26T08:00:00Z"), DayOfWeek.MONDAY, EIGHT);

        assertThat(week.due()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z")); // 08:00 GMT
        assertThat(week.from()).isEqualTo(Instant.parse("2026-10-19T07:00:00Z")); // 08:00 BST
        assertThat(Duration.between(week.from(), week.due())).isEqualTo(Duration.ofHours(169));
        assertThat(week.week()).isEqualTo("2026-W44");
        // 07:30 UTC on the Monday is 07:30 GMT: not yet due.
        assertThat(DigestWeek.latestDue(Instant.parse("2026-10-26T07:30:00Z"), DayOfWeek.MONDAY, EIGHT)
                        .week())
                .isEqualTo("2026-W43");
    }

    @Test
    void consecutiveWeeksMeetExactlySoNothingFallsBetweenTwoDigests() {
        DigestWeek before = DigestWeek.of(LocalDate.of(2026, 3, 23), EIGHT);
        DigestWeek across = DigestWeek.of(LocalDate.of(2026, 3, 30), EIGHT);
        DigestWeek after = DigestWeek.of(LocalDate.of(2026, 4, 6), EIGHT);

        assertThat(across.from()).isEqualTo(before.due());
        assertThat(after.from()).isEqualTo(across.due());
        assertThat(after.due()).isEqualTo(Instant.parse("2026-04-06T07:00:00Z"));
    }

    @Test
    void aTimeTheClocksSkipComesAnHourLaterAndATimeTheyRepeatComesTheFirstTime() {
        DigestWeek skipped =
                DigestWeek.latestDue(Instant.parse("2026-03-29T12:00:00Z"), DayOfWeek.SUNDAY, LocalTime.of(1, 30));
        assertThat(skipped.due())
                .isEqualTo(london("2026-03-29T02:30"))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));

        DigestWeek repeated =
                DigestWeek.latestDue(Instant.parse("2026-10-25T12:00:00Z"), DayOfWeek.SUNDAY, LocalTime.of(1, 30));
        assertThat(repeated.due()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // 01:30 BST, the first one
    }

    @Test
    void aMemberWhoMovesTheirDayWithinAWeekKeepsTheSameWeekSoTheyGetOneDigest() {
        Instant friday = london("2026-06-12T18:00");
        DigestWeek monday = DigestWeek.latestDue(friday, DayOfWeek.MONDAY, EIGHT);
        DigestWeek fridayAtFour = DigestWeek.latestDue(friday, DayOfWeek.FRIDAY, LocalTime.of(16, 0));

        assertThat(monday.week()).isEqualTo(fridayAtFour.week()).isEqualTo("2026-W24");
        assertThat(monday.idFor("m1")).isEqualTo(fridayAtFour.idFor("m1"));
    }

    @Test
    void theNextDigestIsTheLatestDueWhileItsWeekHasNoneOtherwiseTheFirstWeekAfterThatHasNone() {
        Instant mondayNine = Instant.parse("2026-03-30T08:00:00Z"); // 09:00 BST, ISO week 14
        // Not made yet: the one due an hour ago is next (made at the scheduler's next tick).
        assertThat(DigestWeek.next(mondayNine, DayOfWeek.MONDAY, EIGHT, java.util.Set.of())
                        .due())
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        // Made: next Monday.
        assertThat(DigestWeek.next(mondayNine, DayOfWeek.MONDAY, EIGHT, java.util.Set.of("2026-W14"))
                        .week())
                .isEqualTo("2026-W15");
        // Moved to Wednesday in a week that had its digest on Monday (as had the week before): the Wednesday of the
        // week after, not the one of this week.
        java.util.Set<String> made = java.util.Set.of("2026-W13", "2026-W14");
        DigestWeek wednesday = DigestWeek.next(mondayNine, DayOfWeek.WEDNESDAY, LocalTime.of(10, 5), made);
        assertThat(wednesday.week()).isEqualTo("2026-W15");
        assertThat(wednesday.due()).isEqualTo(london("2026-04-08T10:05"));
        // Moved to Sunday, with week 14's Sunday still to come but week 14 done: the Sunday of week 15.
        assertThat(DigestWeek.next(mondayNine, DayOfWeek.SUNDAY, EIGHT, made).due())
                .isEqualTo(london("2026-04-12T08:00"));
        // Someone new, with no digest yet, who chooses Wednesday: last Wednesday's week is made at once.
        assertThat(DigestWeek.next(mondayNine, DayOfWeek.WEDNESDAY, LocalTime.of(10, 5), java.util.Set.of())
                        .due())
                .isEqualTo(london("2026-03-25T10:05"));
    }

    @Test
    void aWeekContinuesFromThePreviousDigestWithinTwoWeeksAndOtherwiseCoversItsOwnSevenDays() {
        DigestWeek week = DigestWeek.of(LocalDate.of(2026, 4, 8), LocalTime.of(10, 5));
        Instant monday = london("2026-03-30T08:00");
        assertThat(week.continuing(monday).from()).isEqualTo(monday);
        assertThat(week.continuing(monday).due()).isEqualTo(week.due());
        assertThat(week.continuing(null)).isEqualTo(week);
        assertThat(week.continuing(london("2026-03-20T08:00")))
                .as("more than two weeks before: a pause, not a move")
                .isEqualTo(week);
        assertThat(week.continuing(week.due())).isEqualTo(week);
        // Moved earlier: from Wednesday (week 15) to Monday of week 16, five days with nothing read twice.
        DigestWeek monday16 = DigestWeek.of(LocalDate.of(2026, 4, 13), EIGHT);
        assertThat(monday16.continuing(week.due()).from()).isEqualTo(week.due());
    }
}
