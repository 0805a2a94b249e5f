package org.collaborative.projections.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.digest.DigestFixtures.CAMDEN;
import static org.collaborative.projections.digest.DigestFixtures.HACKNEY;
import static org.collaborative.projections.digest.DigestFixtures.ISLINGTON;
import static org.collaborative.projections.digest.DigestFixtures.WEEK;
import static org.collaborative.projections.digest.DigestFixtures.aBusyWeek;
import static org.collaborative.projections.digest.DigestFixtures.beforeWeek;
import static org.collaborative.projections.digest.DigestFixtures.inWeek;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.collaborative.projections.digest.DigestComposer.Composition;
import org.collaborative.views.digest.Digest.Entry;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Move;
import org.junit.jupiter.api.Test;

/** The chief executive's "neighbours and peers" and "evidence upgrades" from adoption moves and practices. */
class DigestAdoptionMovesTest {

    private static Move move(String org, String stage, String on, Instant recordedAt) {
        return new Move("a-" + org, org, stage, LocalDate.parse(on), null, null, null, "member-" + org, recordedAt);
    }

    private static PracticeSpread practice(String id, String name, List<Move> moves) {
        return PracticeSpread.empty(id)
                .described(name, "buying-better", CAMDEN, null, beforeWeek(300), LocalDate.parse("2025-01-01"))
                .withMoves(moves);
    }

    private static DigestContext with(List<PracticeSpread> practices, Map<String, List<PracticeSpread>> byEvidence) {
        DigestContext c = aBusyWeek().context(WEEK, Map.of());
        return new DigestContext(
                c.week(),
                c.activity(),
                c.groups(),
                c.organisations(),
                c.themeTitles(),
                c.proposalsByEvidence(),
                c.follows(),
                practices,
                byEvidence);
    }

    private static List<Entry> entries(Composition composition, String category) {
        return composition.sections().stream()
                .filter(s -> s.category().equals(category))
                .flatMap(s -> s.entries().stream())
                .toList();
    }

    @Test
    void aNeighboursAdoptionMoveInTheWeekIsTheNeighboursEntryForThePractice() {
        PracticeSpread auction = practice(
                "e-auction",
                "IT hardware e-auction",
                List.of(
                        move(ISLINGTON, "EXPLORING", "2026-02-01", beforeWeek(40)),
                        move(ISLINGTON, "PILOTING", "2026-03-31", inWeek(30))));

        Composition digest = new DigestComposer(7).compose(DigestFixtures.priya(), with(List.of(auction), Map.of()));

        assertThat(entries(digest, "NEIGHBOURS")).anySatisfy(entry -> {
            assertThat(entry.id()).isEqualTo("practice:e-auction");
            assertThat(entry.title()).isEqualTo("IT hardware e-auction");
            assertThat(entry.why())
                    .isEqualTo("Islington, a neighbouring borough, started piloting this practice on 31 March 2026.");
            assertThat(entry.link()).isEqualTo("/practices/e-auction");
        });
    }

    @Test
    void aStatisticalPeersMoveSaysSoAndAMoveRecordedBeforeTheWeekIsLeftOut() {
        PracticeSpread portal = practice(
                "jobs-portal", "London Jobs Portal", List.of(move(CAMDEN, "ADOPTED", "2026-03-20", inWeek(10))));
        PracticeSpread old =
                practice("old", "Old news", List.of(move(ISLINGTON, "ADOPTED", "2026-01-20", beforeWeek(20))));

        Composition digest =
                new DigestComposer(7).compose(DigestFixtures.priya(), with(List.of(portal, old), Map.of()));

        assertThat(entries(digest, "NEIGHBOURS"))
                .anySatisfy(entry -> assertThat(entry.why())
                        .isEqualTo(
                                "Camden, one of Hackney's statistical peers, adopted this practice on 20 March 2026."));
        assertThat(entries(digest, "NEIGHBOURS")).noneMatch(entry -> entry.id().equals("practice:old"));
    }

    @Test
    void theCouncilsOwnMovesAreNotNewsToIt() {
        PracticeSpread own =
                practice("own", "Own practice", List.of(move(HACKNEY, "PILOTING", "2026-03-31", inWeek(5))));

        Composition digest = new DigestComposer(7).compose(DigestFixtures.priya(), with(List.of(own), Map.of()));

        assertThat(digest.sections().stream().flatMap(s -> s.entries().stream()))
                .noneMatch(entry -> entry.id().equals("practice:own"));
    }

    @Test
    void strongerEvidenceBehindAPracticeTheCouncilIsTryingSaysWhichPractice() {
        PracticeSpread auction = practice(
                "e-auction", "IT hardware e-auction", List.of(move(HACKNEY, "PILOTING", "2026-01-10", beforeWeek(60))));

        Composition digest =
                new DigestComposer(7).compose(DigestFixtures.priya(), with(List.of(), Map.of("e2", List.of(auction))));

        assertThat(entries(digest, "EVIDENCE_UPGRADES")).anySatisfy(entry -> {
            assertThat(entry.id()).isEqualTo("e2");
            assertThat(entry.why())
                    .isEqualTo("This evidence went up from level 2 to level 3 on Nesta's standards. It is linked to"
                            + " the practice ‘IT hardware e-auction’, which Hackney is piloting.");
        });
    }
}
