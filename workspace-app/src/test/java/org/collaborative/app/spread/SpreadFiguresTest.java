package org.collaborative.app.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.spread.SpreadFixtures.move;

import java.time.LocalDate;
import java.util.List;
import org.collaborative.app.spread.SpreadFigures.Adopter;
import org.collaborative.app.spread.SpreadFigures.CurvePoint;
import org.collaborative.views.spread.PracticeSpread.Move;
import org.junit.jupiter.api.Test;

class SpreadFiguresTest {

    private static final String CAMDEN = "E09000007";
    private static final String ISLINGTON = "E09000019";
    private static final String HACKNEY = "E09000012";
    private static final String BARNET = "E09000003";
    private static final String BRENT = "E09000005";
    private static final String WESTMINSTER = "E09000033";
    private static final String HAVERING = "E09000016";

    /** A known sequence, recorded out of order. */
    private final List<Move> history = List.of(
            move(ISLINGTON, "EXPLORING", "2025-02-01"),
            move(CAMDEN, "AWARE", "2025-01-05"),
            move(CAMDEN, "PILOTING", "2025-01-10"),
            move(ISLINGTON, "PILOTING", "2025-03-01"),
            move(HACKNEY, "ADAPTED", "2025-03-01"),
            move(BARNET, "DECLINED", "2025-04-01"),
            move(CAMDEN, "ADOPTED", "2025-06-01"),
            move(BRENT, "ADOPTED", "2025-09-15"),
            // Recorded a year late, dated in the past: it corrects the history.
            move(WESTMINSTER, "PILOTING", "2025-05-01", "2026-05-01"),
            move(ISLINGTON, "ABANDONED", "2025-10-01"),
            move(HAVERING, "EXPLORING", "2025-11-01"));

    @Test
    void anAdopterIsCountedFromItsFirstAdoptingStageOnce() {
        SpreadFigures figures = SpreadFigures.of(history, LocalDate.parse("2026-01-01"));

        assertThat(figures.adopters())
                .extracting(Adopter::organisationId)
                .containsExactly(CAMDEN, HACKNEY, ISLINGTON, WESTMINSTER, BRENT);
        assertThat(figures.adopters().get(0).firstAdopted()).isEqualTo(LocalDate.parse("2025-01-10"));
        assertThat(figures.adopters().get(0).firstStage()).isEqualTo("PILOTING");
    }

    @Test
    void theCurveIsCumulativeByTheDayEachAdopted() {
        SpreadFigures figures = SpreadFigures.of(history, LocalDate.parse("2026-01-01"));

        assertThat(figures.curve())
                .containsExactly(
                        new CurvePoint(LocalDate.parse("2025-01-10"), 1, 1),
                        new CurvePoint(LocalDate.parse("2025-03-01"), 3, 2),
                        new CurvePoint(LocalDate.parse("2025-05-01"), 4, 1),
                        new CurvePoint(LocalDate.parse("2025-09-15"), 5, 1));
    }

    @Test
    void anAdopterThatAbandonsStaysOnTheCurveButTheMapShowsItsStageNow() {
        SpreadFigures figures = SpreadFigures.of(history, LocalDate.parse("2026-01-01"));

        Adopter islington = figures.adopters().stream()
                .filter(a -> a.organisationId().equals(ISLINGTON))
                .findFirst()
                .orElseThrow();
        assertThat(islington.stageNow()).isEqualTo("ABANDONED");
        assertThat(figures.stageOf(ISLINGTON)).isEqualTo("ABANDONED");
        assertThat(figures.curve().get(figures.curve().size() - 1).adopters()).isEqualTo(5);
    }

    @Test
    void tiedAdoptersShareARankAndACategory() {
        SpreadFigures figures = SpreadFigures.of(history, LocalDate.parse("2026-01-01"));

        // Five adopters: places begin at 0%, 20%, 20% (tied with the second), 60%, 80%.
        assertThat(figures.adopters()).extracting(Adopter::rank).containsExactly(1, 2, 2, 4, 5);
        assertThat(figures.adopters())
                .extracting(Adopter::category)
                .containsExactly(
                        RogersCategory.INNOVATORS,
                        RogersCategory.EARLY_MAJORITY,
                        RogersCategory.EARLY_MAJORITY,
                        RogersCategory.LATE_MAJORITY,
                        RogersCategory.LATE_MAJORITY);
        assertThat(figures.categoryCounts())
                .containsEntry(RogersCategory.INNOVATORS, 1)
                .containsEntry(RogersCategory.EARLY_ADOPTERS, 0)
                .containsEntry(RogersCategory.LAGGARDS, 0);
    }

    @Test
    void asOfADayOnlyWhatHappenedByThenCountsAndCategoriesAreOfTheAdoptersSoFar() {
        SpreadFigures figures = SpreadFigures.of(history, LocalDate.parse("2025-03-01"));

        assertThat(figures.adopters()).extracting(Adopter::organisationId).containsExactly(CAMDEN, HACKNEY, ISLINGTON);
        assertThat(figures.stageOf(CAMDEN)).isEqualTo("PILOTING");
        assertThat(figures.stageOf(BRENT)).isNull();
        assertThat(figures.adopters())
                .extracting(Adopter::category)
                .containsExactly(
                        RogersCategory.INNOVATORS, RogersCategory.EARLY_MAJORITY, RogersCategory.EARLY_MAJORITY);
    }

    @Test
    void aMoveRecordedLateCountsFromTheDayItHappened() {
        SpreadFigures figures = SpreadFigures.of(history, LocalDate.parse("2025-05-01"));

        assertThat(figures.stageOf(WESTMINSTER)).isEqualTo("PILOTING");
        assertThat(SpreadFigures.of(history, LocalDate.parse("2025-04-30")).stageOf(WESTMINSTER))
                .isNull();
    }

    @Test
    void twoMovesOnOneDayTakeEffectInTheOrderTheyWereRecorded() {
        List<Move> sameDay = List.of(
                move(CAMDEN, "ADOPTED", "2025-01-10", "2025-01-12"),
                move(CAMDEN, "PILOTING", "2025-01-10", "2025-01-11"));

        assertThat(SpreadFigures.of(sameDay, LocalDate.parse("2025-02-01")).stageOf(CAMDEN))
                .isEqualTo("ADOPTED");
    }

    @Test
    void thePeerLensCountsNeighboursAndStatisticalPeersThatPutItToWork() {
        SpreadFigures figures = SpreadFigures.of(history, LocalDate.parse("2026-01-01"));

        PeerLens lens = figures.peerLens(CAMDEN, BoroughGrid.london());

        // Camden's 8 neighbours include Barnet (declined), Brent (adopted), Islington (abandoned), Westminster
        // (piloting).
        assertThat(lens.neighbours().size()).isEqualTo(8);
        assertThat(lens.neighbours().adopting()).containsExactlyInAnyOrder(BRENT, WESTMINSTER);
        assertThat(lens.neighboursSentence())
                .isEqualTo("2 of your 8 neighbouring boroughs have put this practice to work "
                        + "(piloting, adopted, embedded or adapted).");
        assertThat(lens.neighbours().byStage())
                .containsExactly(
                        java.util.Map.entry("PILOTING", 1),
                        java.util.Map.entry("ADOPTED", 1),
                        java.util.Map.entry("DECLINED", 1),
                        java.util.Map.entry("ABANDONED", 1),
                        java.util.Map.entry("NONE", 4));
        // Inner London peers: Hackney (adapted), Islington (abandoned), Westminster (piloting).
        assertThat(lens.peers().adopting()).containsExactlyInAnyOrder(HACKNEY, WESTMINSTER);
        assertThat(lens.ownStage()).isEqualTo("ADOPTED");
    }

    @Test
    void noMovesMakeAnEmptyCurve() {
        SpreadFigures figures = SpreadFigures.of(List.of(), LocalDate.parse("2026-01-01"));

        assertThat(figures.curve()).isEmpty();
        assertThat(figures.adopters()).isEmpty();
        assertThat(figures.peerLens(HAVERING, BoroughGrid.london()).neighboursSentence())
                .isEqualTo("0 of your 3 neighbouring boroughs have put this practice to work "
                        + "(piloting, adopted, embedded or adapted).");
    }
}
