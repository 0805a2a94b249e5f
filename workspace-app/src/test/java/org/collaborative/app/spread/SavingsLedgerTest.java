package org.collaborative.app.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.spread.SpreadFixtures.practice;
import static org.collaborative.app.spread.SpreadFixtures.saving;

import java.time.LocalDate;
import java.util.List;
import org.collaborative.app.spread.SavingsLedger.Amounts;
import org.collaborative.app.spread.SavingsLedger.Row;
import org.collaborative.app.spread.SavingsLedger.Totals;
import org.collaborative.views.spread.PracticeSpread;
import org.junit.jupiter.api.Test;

class SavingsLedgerTest {

    private static final String CAMDEN = "E09000007";
    private static final String ISLINGTON = "E09000019";

    private final PracticeSpread auction = practice(
            "e-auction",
            "behaviour-change",
            List.of(),
            List.of(
                    saving("o1", CAMDEN, "CASHABLE_SAVING", 40_000_000L, "RECURRING", "2025-05-01")
                            .verified("finance-camden", LocalDate.parse("2025-06-01")),
                    saving("o2", ISLINGTON, "CASHABLE_SAVING", 38_000_000L, "RECURRING", "2025-07-01"),
                    saving("o3", CAMDEN, "NON_CASHABLE_SAVING", 5_000_000L, "RECURRING", "2025-05-01")
                            .verified("finance-camden", LocalDate.parse("2025-06-01")),
                    saving("o4", ISLINGTON, "CASHABLE_SAVING", 1_000_000L, "ONE_OFF", "2025-07-01")));

    private final PracticeSpread portal = practice(
            "jobs-portal",
            "worklessness-and-social-housing",
            List.of(),
            List.of(
                    saving("o5", CAMDEN, "NON_CASHABLE_SAVING", 2_000_000L, "ONE_OFF", "2025-08-01"),
                    new PracticeSpread.Outcome(
                            "o6",
                            "adoption-" + CAMDEN,
                            CAMDEN,
                            "QUALITY_MEASURE",
                            null,
                            null,
                            null,
                            null,
                            "Resident satisfaction",
                            "61",
                            "74",
                            "%",
                            "Survey",
                            2,
                            "member",
                            java.time.Instant.parse("2025-08-01T10:00:00Z"),
                            null,
                            null)));

    @Test
    void cashableAndNonCashableAreNeverAddedTogether() {
        Totals total = SavingsLedger.of(List.of(auction, portal), LocalDate.parse("2026-01-01"))
                .total();

        assertThat(total.cashable()).isEqualTo(new Amounts(40_000_000L, 38_000_000L, 0, 1_000_000L));
        assertThat(total.nonCashable()).isEqualTo(new Amounts(5_000_000L, 0, 0, 2_000_000L));
        assertThat(total.qualityMeasures()).isEqualTo(1);
        // No amount anywhere is a sum across the two kinds.
        List<Long> everyAmount = List.of(
                total.cashable().recurringVerified(),
                total.cashable().recurringClaimed(),
                total.cashable().oneOffVerified(),
                total.cashable().oneOffClaimed(),
                total.nonCashable().recurringVerified(),
                total.nonCashable().recurringClaimed(),
                total.nonCashable().oneOffVerified(),
                total.nonCashable().oneOffClaimed());
        assertThat(everyAmount).doesNotContain(45_000_000L, 43_000_000L, 3_000_000L);
    }

    @Test
    void totalsByPracticeThemeAndOrganisationKeepTheKindsApart() {
        SavingsLedger ledger = SavingsLedger.of(List.of(auction, portal), LocalDate.parse("2026-01-01"));

        assertThat(ledger.byPractice()).extracting(Row::key).containsExactly("e-auction", "jobs-portal");
        assertThat(ledger.byPractice().get(1).totals().cashable()).isEqualTo(Amounts.NONE);
        assertThat(ledger.byPractice().get(1).totals().nonCashable().oneOffClaimed())
                .isEqualTo(2_000_000L);
        assertThat(ledger.byTheme())
                .extracting(Row::key)
                .containsExactly("behaviour-change", "worklessness-and-social-housing");
        Row camden = ledger.byOrganisation().get(0);
        assertThat(camden.key()).isEqualTo(CAMDEN);
        assertThat(camden.totals().cashable()).isEqualTo(new Amounts(40_000_000L, 0, 0, 0));
        assertThat(camden.totals().nonCashable()).isEqualTo(new Amounts(5_000_000L, 0, 0, 2_000_000L));
    }

    @Test
    void aSavingIsOnlyClaimedUntilTheDayItWasVerified() {
        Totals beforeVerification = SavingsLedger.of(List.of(auction), LocalDate.parse("2025-05-31"))
                .total();
        Totals after = SavingsLedger.of(List.of(auction), LocalDate.parse("2025-06-01"))
                .total();

        assertThat(beforeVerification.cashable()).isEqualTo(new Amounts(0, 40_000_000L, 0, 0));
        assertThat(after.cashable()).isEqualTo(new Amounts(40_000_000L, 0, 0, 0));
    }

    @Test
    void aSavingCountsFromTheDayItWasReported() {
        assertThat(SavingsLedger.of(List.of(auction), LocalDate.parse("2025-04-30"))
                        .total())
                .isEqualTo(Totals.NONE);
    }
}
