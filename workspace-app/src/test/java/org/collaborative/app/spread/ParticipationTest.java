package org.collaborative.app.spread;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.collaborative.app.spread.Participation.Act;
import org.junit.jupiter.api.Test;

class ParticipationTest {

    private static final String CAMDEN = "E09000007";
    private static final String ISLINGTON = "E09000019";

    @Test
    void countsEachOrganisationAndThemeByLondonMonthAndNamesTheQuietBoroughs() {
        List<Act> acts = List.of(
                new Act(CAMDEN, "housing", Instant.parse("2026-10-05T10:00:00Z")),
                new Act(CAMDEN, "housing", Instant.parse("2026-11-02T10:00:00Z")),
                // 23:30 UTC on 31 October is still October in London (GMT since 25 October).
                new Act(ISLINGTON, "care", Instant.parse("2026-10-31T23:30:00Z")),
                // British Summer Time: 23:30 UTC on 30 September is 00:30 on 1 October in London.
                new Act(ISLINGTON, null, Instant.parse("2026-09-30T23:30:00Z")),
                new Act("gla", "care", Instant.parse("2026-11-20T10:00:00Z")),
                // Before the months shown, and with no organisation: not counted.
                new Act(CAMDEN, "housing", Instant.parse("2026-08-01T10:00:00Z")),
                new Act(null, "housing", Instant.parse("2026-11-01T10:00:00Z")));

        Participation p = Participation.of(acts, YearMonth.of(2026, 11), 3, BoroughGrid.london());

        assertThat(p.months()).containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
        assertThat(p.perMonth()).containsExactly(0, 3, 2);
        assertThat(p.byOrganisation())
                .containsExactly(
                        new Participation.Row(CAMDEN, List.of(0, 1, 1), 2),
                        new Participation.Row(ISLINGTON, List.of(0, 2, 0), 2),
                        new Participation.Row("gla", List.of(0, 0, 1), 1));
        assertThat(p.byTheme())
                .containsExactly(
                        new Participation.Row("care", List.of(0, 1, 1), 2),
                        new Participation.Row("housing", List.of(0, 1, 1), 2));
        assertThat(p.quiet()).hasSize(31).doesNotContain(CAMDEN, ISLINGTON);
    }
}
