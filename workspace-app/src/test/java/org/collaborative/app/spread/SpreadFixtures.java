package org.collaborative.app.spread;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Move;
import org.collaborative.views.spread.PracticeSpread.Outcome;

/** Moves and outcomes for the spread computations' tests. */
final class SpreadFixtures {

    private SpreadFixtures() {}

    static Move move(String org, String stage, String happenedOn) {
        return move(org, stage, happenedOn, happenedOn);
    }

    static Move move(String org, String stage, String happenedOn, String recordedOn) {
        return new Move(
                "adoption-" + org,
                org,
                stage,
                LocalDate.parse(happenedOn),
                "ADAPTED".equals(stage) ? "A variant" : null,
                null,
                null,
                "member-" + org,
                Instant.parse(recordedOn + "T12:00:00Z"));
    }

    static Outcome saving(String id, String org, String kind, long pence, String recurrence, String reportedOn) {
        return new Outcome(
                id,
                "adoption-" + org,
                org,
                kind,
                pence,
                recurrence,
                LocalDate.parse("2026-04-01"),
                LocalDate.parse("2027-03-31"),
                null,
                null,
                null,
                null,
                "Budget monitoring report",
                2,
                "member-" + org,
                Instant.parse(reportedOn + "T12:00:00Z"),
                null,
                null);
    }

    static PracticeSpread practice(String id, String themeId, List<Move> moves, List<Outcome> outcomes) {
        return PracticeSpread.empty(id)
                .described(
                        "Practice " + id,
                        themeId,
                        "E09000007",
                        null,
                        Instant.parse("2024-01-01T09:00:00Z"),
                        LocalDate.parse("2024-01-01"))
                .withMoves(moves)
                .withOutcomes(outcomes);
    }
}
