package org.collaborative.app.retreat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.collaborative.app.retreat.RetreatNotices.Concern;
import org.collaborative.views.retreat.RetreatView;
import org.collaborative.views.retreat.RetreatView.Attendee;
import org.collaborative.views.retreat.RetreatView.Notice;
import org.junit.jupiter.api.Test;

/** Who is told about a change to a retreat, and the words they read in the notification centre and the email. */
class RetreatNoticesTest {

    private static final Instant AT = Instant.parse("2027-01-10T09:00:00Z");
    private static final LocalDateTime STARTS = LocalDateTime.of(2027, 3, 11, 12, 0);

    private static RetreatView retreat(List<String> registered, List<String> waiting, List<String> invited) {
        return new RetreatView(
                "r1",
                "Chief executives' retreat",
                "CHIEF_EXECUTIVES_RETREAT",
                "Cumberland Lodge",
                "",
                STARTS,
                STARTS.plusDays(1),
                2,
                List.of(),
                true,
                "fac",
                AT,
                "SCHEDULED",
                null,
                List.of(),
                invited,
                List.of("declined"),
                registered.stream().map(m -> new Attendee(m, "E09000012", AT)).toList(),
                waiting.stream().map(m -> new Attendee(m, "E09000007", AT)).toList(),
                Map.of(),
                Map.of(),
                null,
                List.of(),
                Map.of(),
                null);
    }

    private static Notice notice(String kind, String actorId, List<String> changes, String place, String reason) {
        return new Notice(
                kind,
                7,
                AT,
                actorId,
                changes,
                "Chief executives' retreat",
                STARTS,
                STARTS.plusDays(1),
                place,
                "",
                reason);
    }

    @Test
    void thePlacesTheWaitingListAndUnansweredInvitationsAreToldButNotTheFacilitatorWhoMadeTheChange() {
        RetreatView retreat = retreat(List.of("priya", "fac2"), List.of("mary"), List.of("tom", "fac2"));
        Notice postponed = notice("POSTPONED", "fac2", List.of("DATES"), "Cumberland Lodge", "Snow.");

        assertThat(RetreatNotices.recipients(retreat, postponed)).containsExactly("priya", "mary", "tom");
        assertThat(RetreatNotices.tells(retreat, postponed, "priya")).isTrue();
        assertThat(RetreatNotices.tells(retreat, postponed, "fac2")).isFalse();
        assertThat(RetreatNotices.tells(retreat, postponed, "declined")).isFalse();
        assertThat(RetreatNotices.tells(retreat, postponed, "stranger")).isFalse();
    }

    @Test
    void eachPersonIsToldWhyTheyAreConcerned() {
        RetreatView retreat = retreat(List.of("priya"), List.of("mary"), List.of("tom"));

        assertThat(RetreatNotices.concern(retreat, "priya")).contains(Concern.REGISTERED);
        assertThat(RetreatNotices.concern(retreat, "mary")).contains(Concern.WAITING);
        assertThat(RetreatNotices.concern(retreat, "tom")).contains(Concern.INVITED);
        assertThat(RetreatNotices.concern(retreat, "declined")).isEmpty();
    }

    @Test
    void aPostponementGivesTheNewDatesAndTheReason() {
        assertThat(RetreatNotices.summary(
                        notice("POSTPONED", "fac", List.of("DATES"), "Cumberland Lodge", "The lodge flooded.")))
                .isEqualTo("Postponed: now from 11 March 2027, 12:00 to 12 March 2027, 12:00"
                        + " (reason: The lodge flooded)");
    }

    @Test
    void aCancellationGivesTheFacilitatorsReason() {
        Notice cancelled = notice("CANCELLED", "fac", List.of(), "Cumberland Lodge", "Too few places taken.");

        assertThat(RetreatNotices.summary(cancelled)).isEqualTo("Cancelled (reason: Too few places taken)");
        assertThat(RetreatNotices.subject(cancelled)).isEqualTo("Retreat cancelled: Chief executives' retreat");
    }

    @Test
    void aChangeSaysWhatChanged() {
        assertThat(RetreatNotices.summary(notice("CHANGED", "fac", List.of("DATES", "PLACE"), "Guildhall", null)))
                .isEqualTo("Changed: now from 11 March 2027, 12:00 to 12 March 2027, 12:00; now at Guildhall");
        assertThat(RetreatNotices.summary(notice("CHANGED", "fac", List.of("PLACE"), "", null)))
                .isEqualTo("Changed: no longer in person, online only");
    }

    @Test
    void theEmailSaysWhatHappenedWhyTheReaderIsToldAndLinksToTheRetreatInBothParts() {
        Notice notice = notice("POSTPONED", "fac", List.of("DATES"), "Cumberland Lodge", "Rain & wind <again>");
        String url = "https://collaborative.example/retreats/r1";

        assertThat(RetreatNotices.text(notice, "Priya Shah", Concern.WAITING, url))
                .contains("Dear Priya Shah,")
                .contains("Chief executives' retreat\nPostponed: now from 11 March 2027, 12:00")
                .contains("(reason: Rain & wind <again>)")
                .contains("You are on this retreat's waiting list.")
                .contains(url);
        assertThat(RetreatNotices.html(notice, "Priya Shah", Concern.WAITING, url))
                .contains("(reason: Rain &amp; wind &lt;again&gt;)")
                .contains("<a href=\"" + url + "\">See the retreat</a>")
                .doesNotContain("<again>");
    }
}
