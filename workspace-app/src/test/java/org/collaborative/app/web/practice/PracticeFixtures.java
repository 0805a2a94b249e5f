package org.collaborative.app.web.practice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.collaborative.views.practice.AdoptionView;
import org.collaborative.views.practice.PracticeView;

/** The practice and the saving that the practice pages' slice tests read: Hackney's e-auction, adopted by Camden. */
final class PracticeFixtures {

    private PracticeFixtures() {}

    /** Hackney's IT hardware e-auction, recorded by a facilitator, as the practices view holds it. */
    static PracticeView eAuction(String practiceId) {
        return new PracticeView(
                practiceId,
                "IT hardware e-auction",
                "Buy laptops together through a reverse auction.",
                "housing",
                "hackney",
                null,
                "facilitator-1",
                Instant.parse("2026-01-01T09:00:00Z"),
                LocalDate.of(2024, 10, 1),
                null,
                List.of(),
                List.of(),
                Map.of(),
                1L);
    }

    /** Camden's move to adopted on 1 March 2025, by member-1. */
    static AdoptionView.Move adopted(Instant at) {
        return new AdoptionView.Move("ADOPTED", LocalDate.of(2025, 3, 1), null, null, null, "member-1", at);
    }

    /** A recurring cashable saving of £400,000 a year (in pence), reported from the outturn at evidence level 2. */
    static AdoptionView.Outcome cashableSaving(Instant at) {
        return new AdoptionView.Outcome(
                "o1",
                "CASHABLE_SAVING",
                40_000_000L,
                "RECURRING",
                LocalDate.of(2025, 4, 1),
                LocalDate.of(2026, 3, 31),
                null,
                null,
                null,
                null,
                "Outturn report",
                2,
                "member-1",
                at,
                null,
                null,
                null);
    }
}
