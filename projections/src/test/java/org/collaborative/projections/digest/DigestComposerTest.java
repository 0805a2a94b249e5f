package org.collaborative.projections.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.collaborative.projections.digest.DigestFixtures.PRIYA;
import static org.collaborative.projections.digest.DigestFixtures.TOM;
import static org.collaborative.projections.digest.DigestFixtures.WEEK;
import static org.collaborative.projections.digest.DigestFixtures.aBusyWeek;
import static org.collaborative.projections.digest.DigestFixtures.inWeek;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.projections.digest.DigestComposer.Composition;
import org.collaborative.views.digest.Digest.Entry;
import org.collaborative.views.digest.Digest.Section;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings.Frequency;
import org.collaborative.views.follow.Follows;
import org.junit.jupiter.api.Test;

/** The ranking of a week for one reader: categories in order, newest first in each, capped, each entry saying why. */
class DigestComposerTest {

    private static List<String> ids(Composition composition) {
        return composition.sections().stream()
                .flatMap(s -> s.entries().stream())
                .map(Entry::id)
                .toList();
    }

    private static Entry entry(Composition composition, String id) {
        return composition.sections().stream()
                .flatMap(s -> s.entries().stream())
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aChiefExecutivesDigestRanksAsksThenNeighboursThenEvidenceThenThemesNewestFirstInEach() {
        Composition digest = new DigestComposer(7)
                .compose(DigestFixtures.priya(), aBusyWeek().context(WEEK, Map.of()));

        assertThat(digest.kind()).isEqualTo("CHIEF_EXECUTIVE");
        assertThat(digest.sections())
                .extracting(Section::category)
                .containsExactly("WAITING_ON_YOU", "NEIGHBOURS", "EVIDENCE_UPGRADES", "THEMES");
        assertThat(digest.sections())
                .extracting(Section::heading)
                .containsExactly("Waiting on you", "Neighbouring boroughs", "Stronger evidence", "In Hackney's themes");
        assertThat(ids(digest)).containsExactly("q1", "p1", "group:g2", "e1", "p2", "e2", "p4");
        assertThat(digest.total()).isEqualTo(7);
    }

    @Test
    void leavesOutWhatTheReaderDidWhatTheyCannotSeeWhatCameBeforeTheWeekAndEvidenceThatWentDown() {
        Composition digest = new DigestComposer(7)
                .compose(DigestFixtures.priya(), aBusyWeek().context(WEEK, Map.of()));

        assertThat(ids(digest)).doesNotContain("e4", "q2", "p5", "e3", "p3");
    }

    @Test
    void eachEntrySaysWhyItIsThereAndLinksToWhereToAct() {
        Composition digest = new DigestComposer(7)
                .compose(DigestFixtures.priya(), aBusyWeek().context(WEEK, Map.of()));

        assertThat(entry(digest, "group:g2").why())
                .isEqualTo("A member from Camden asked to join ‘Chief executives'"
                        + " retreat’, which you facilitate: approve or decline the request.");
        assertThat(entry(digest, "group:g2").link()).isEqualTo("/groups/g2");
        assertThat(entry(digest, "p1").why())
                .isEqualTo("Open for challenge in ‘Buying better together’, a group you"
                        + " are in, and you have not endorsed or challenged it yet.");
        assertThat(entry(digest, "q1").why())
                .isEqualTo("Asked by a member from Sutton in ‘Buying better together’,"
                        + " where Hackney takes part; nobody from Hackney has answered yet.");
        assertThat(entry(digest, "q1").link()).isEqualTo("/items/q1");
        assertThat(entry(digest, "p2").why())
                .isEqualTo("Islington, a neighbouring borough, is taking this proposal"
                        + " forward: ‘Buying better together’ decided to go ahead with it.");
        assertThat(entry(digest, "e1").why())
                .isEqualTo("Islington, a neighbouring borough, submitted this evidence"
                        + " in ‘Buying better together’ (level 2 of 5 on Nesta's standards).");
        assertThat(entry(digest, "e2").why())
                .isEqualTo("This evidence went up from level 2 to level 3 on Nesta's"
                        + " standards. It supports ‘A pan-London e-auction’, which Hackney endorsed.");
        assertThat(entry(digest, "p4").why())
                .isEqualTo("A new proposal from Sutton in ‘Buying better together’;"
                        + " Hackney takes part in the ‘Buying better’ theme.");
        assertThat(entry(digest, "p4").title()).isEqualTo("Extend the auction to furniture");
        assertThat(digest.subject())
                .isEqualTo("Hackney this week: 3 waiting on you, 2 from neighbouring boroughs,"
                        + " 1 evidence upgrade, 1 change in your themes");
    }

    @Test
    void theCapKeepsEveryCategoryRepresentedAndTheRestIsKeptForTheFullList() {
        Composition digest = new DigestComposer(4)
                .compose(DigestFixtures.priya(), aBusyWeek().context(WEEK, Map.of()));

        assertThat(ids(digest)).containsExactly("q1", "e1", "e2", "p4");
        assertThat(digest.total()).isEqualTo(7);
        assertThat(digest.rest())
                .flatExtracting(Section::entries)
                .extracting(Entry::id)
                .containsExactly("p1", "group:g2", "p2");
        assertThat(digest.subject())
                .isEqualTo("Hackney this week: 1 waiting on you, 1 from neighbouring boroughs,"
                        + " 1 evidence upgrade, 1 change in your themes, 3 more in the app");
        assertThatThrownBy(() -> new DigestComposer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBurstOfQuestionsInOneGroupIsOneEntryAndCannotCrowdOutTheOtherCategories() {
        DigestFixtures.Activity flooded = aBusyWeek();
        for (int i = 1; i <= 12; i++) {
            flooded.with(new org.collaborative.events.question.QuestionPosted(
                    "flood" + i,
                    "g1",
                    "buying-better",
                    "Question " + i + " about fleet vehicles",
                    "",
                    DigestFixtures.SUTTON_CE,
                    DigestFixtures.SUTTON,
                    inWeek(100 + i)));
        }

        Composition digest = new DigestComposer(7).compose(DigestFixtures.priya(), flooded.context(WEEK, Map.of()));

        assertThat(digest.sections())
                .extracting(Section::category)
                .containsExactly("WAITING_ON_YOU", "NEIGHBOURS", "EVIDENCE_UPGRADES", "THEMES");
        Entry burst = entry(digest, "burst:g1:QUESTION_POSTED");
        assertThat(burst.title()).isEqualTo("13 new questions in ‘Buying better together’");
        assertThat(burst.why())
                .isEqualTo("They wait on you or your council. From Sutton; open the group to see them all.");
        assertThat(burst.link()).isEqualTo("/groups/g1");
        assertThat(burst.at()).isEqualTo(inWeek(112));
        assertThat(ids(digest))
                .doesNotContain("q1", "flood1", "flood12")
                .contains("p1", "group:g2", "e1", "p2", "e2", "p4");
        assertThat(digest.total()).isEqualTo(7);
    }

    @Test
    void anotherGroupsEntryComesBeforeAFifthFromTheSameGroup() {
        // After one entry per category (all four from 'Buying better together'), the fifth place goes to the request
        // in the retreat group, although the proposal p1 in the busy group ranks above it.
        Composition digest = new DigestComposer(5)
                .compose(DigestFixtures.priya(), aBusyWeek().context(WEEK, Map.of()));

        assertThat(ids(digest)).containsExactly("q1", "group:g2", "e1", "e2", "p4");
        assertThat(digest.rest())
                .flatExtracting(Section::entries)
                .extracting(Entry::id)
                .containsExactly("p1", "p2");
    }

    @Test
    void anAnswerFromTheCouncilTakesAQuestionOffTheAsksLeavingItAThemeChange() {
        DigestFixtures.Activity week = aBusyWeek()
                .with(new QuestionAnswered(
                        "q1", "a1", "g1", "We do", "hackney-lead", DigestFixtures.HACKNEY, inWeek(41)));

        Composition digest = new DigestComposer(7).compose(DigestFixtures.priya(), week.context(WEEK, Map.of()));

        assertThat(digest.sections().get(0).entries()).extracting(Entry::id).containsExactly("p1", "group:g2");
        assertThat(entry(digest, "q1").why())
                .isEqualTo("A new question from Sutton in ‘Buying better together’;"
                        + " Hackney takes part in the ‘Buying better’ theme.");
    }

    @Test
    void authorsHearOfEndorsementsOfWhatTheyPostedEvenInAGroupTheyMuted() {
        Map<String, Follows> follows = Map.of(TOM, new Follows(TOM, List.of("g1"), List.of(), Map.of(), null));
        DigestFixtures.Activity week = aBusyWeek()
                .with(new org.collaborative.events.proposal.ProposalEndorsed(
                        "p1", DigestFixtures.SUTTON_CE, DigestFixtures.SUTTON, inWeek(120)));

        Composition digest = new DigestComposer(7)
                .compose(DigestFixtures.tom(List.of(new Frequency("GROUP", "g1", "OFF"))), week.context(WEEK, follows));

        assertThat(ids(digest)).containsExactly("p1");
        assertThat(entry(digest, "p1").why()).isEqualTo("A member from Sutton endorsed it; you posted it.");
    }

    @Test
    void aChiefExecutiveHearsOfAnswersToHerOwnQuestionAndOfWhatSheFollowsAfterHerCouncilsDigest() {
        // Her digest is ranked for Hackney; what happens to what she posted, and to what she follows, comes after it,
        // "In your groups", as for every other member: otherwise a chief executive who chose to hear of her question
        // weekly would never hear of its answer. The rest of her groups' activity (e3 went down a level) stays out.
        DigestFixtures.Activity week = aBusyWeek()
                .with(new org.collaborative.events.question.QuestionPosted(
                        "q9",
                        "g1",
                        "buying-better",
                        "Who shares a fleet?",
                        "",
                        PRIYA,
                        DigestFixtures.HACKNEY,
                        inWeek(5)))
                .with(new QuestionAnswered("q9", "a9", "g1", "We do", TOM, DigestFixtures.CAMDEN, inWeek(150)));

        Composition digest = new DigestComposer(20).compose(DigestFixtures.priya(), week.context(WEEK, Map.of()));

        assertThat(digest.kind()).isEqualTo("CHIEF_EXECUTIVE");
        assertThat(digest.sections())
                .extracting(Section::category)
                .containsExactly("WAITING_ON_YOU", "NEIGHBOURS", "EVIDENCE_UPGRADES", "THEMES", "YOUR_GROUPS");
        assertThat(digest.sections().get(4).entries()).extracting(Entry::id).containsExactly("q9");
        assertThat(entry(digest, "q9").why()).isEqualTo("A member from Camden answered this question; you posted it.");
        assertThat(digest.subject()).startsWith("Hackney this week: ").endsWith(", 1 change in your groups");
        assertThat(ids(digest)).doesNotContain("e3");

        Map<String, Follows> follows = Map.of(PRIYA, new Follows(PRIYA, List.of(), List.of("e3"), Map.of(), null));
        Composition following = new DigestComposer(20).compose(DigestFixtures.priya(), week.context(WEEK, follows));
        assertThat(entry(following, "e3").why())
                .isEqualTo("This evidence was revised (now level 2 of 5); you follow it.");
    }

    @Test
    void aQuietWeekMakesNoDigest() {
        DigestWeek later = DigestWeek.of(LocalDate.of(2026, 4, 27), LocalTime.of(8, 0));

        Composition digest = new DigestComposer(7)
                .compose(DigestFixtures.priya(), aBusyWeek().context(later, Map.of()));

        assertThat(digest.isEmpty()).isTrue();
        assertThat(digest.total()).isZero();
    }

    @Test
    void otherMembersGetWhatChangedInTheirGroupsAndWhatTheyFollowUnlessTheyTurnedItOff() {
        Map<String, Follows> follows = Map.of(TOM, new Follows(TOM, List.of(), List.of("p2", "e1"), Map.of(), null));
        Composition digest = new DigestComposer(7)
                .compose(
                        DigestFixtures.tom(List.of(new Frequency("ITEM", "e1", "OFF"))),
                        aBusyWeek().context(WEEK, follows));

        assertThat(digest.kind()).isEqualTo("MEMBER");
        assertThat(digest.sections()).extracting(Section::category).containsExactly("YOUR_GROUPS");
        // Tom's own items (q2, p1's opening, p5) are left out; so is everything in a group he is not in.
        assertThat(ids(digest)).containsExactly("e4", "p4", "e3", "e2", "e1", "p2", "q1");
        assertThat(entry(digest, "p2").why()).isEqualTo("This proposal is being taken forward; you follow it.");
        assertThat(entry(digest, "e1").why())
                .isEqualTo("A member from Islington submitted this evidence (level 2 of"
                        + " 5); you are in ‘Buying better together’.");
        assertThat(entry(digest, "q1").why())
                .isEqualTo("A member from Sutton asked this question; you are in ‘Buying better together’.");
        assertThat(digest.subject()).isEqualTo("Your week: 7 changes in your groups");
    }

    @Test
    void nobodyIsToldAboutTheirOwnAsks() {
        DigestFixtures.Activity week = new DigestFixtures.Activity()
                .with(new org.collaborative.events.question.QuestionPosted(
                        "q9", "g1", "buying-better", "Mine", "", PRIYA, DigestFixtures.HACKNEY, inWeek(5)));

        assertThat(new DigestComposer(7)
                        .compose(DigestFixtures.priya(), week.context(WEEK, Map.of()))
                        .isEmpty())
                .isTrue();
    }
}
