package org.collaborative.app.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.THEME;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.support.Directories;
import org.collaborative.app.support.Snapshotting;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.HelpOffered;
import org.collaborative.events.practice.HelpWithdrawn;
import org.collaborative.events.practice.PracticeRevised;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A practice revised and offered help by many, snapshotted many times over (ADR 31), answers every command as the same
 * practice rebuilt from all its events: who recorded it and where it comes from, the event its current description
 * came from (so that a revision made on an outdated form is still refused), its evidence and every offer of help come
 * through its snapshots.
 */
class PracticeSnapshotTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");

    private final Snapshotting<Practice> practice = new Snapshotting<>(
            Practice.class,
            new Directories().withItem("e1", ItemType.EVIDENCE, THEME, "priya"),
            new PracticesInMemory());

    @AfterEach
    void close() {
        practice.close();
    }

    private static Actor camden(int i) {
        return new Actor("camden-" + i, "E09000007", MemberRole.SERVICE_LEADER);
    }

    private static Set<HelpKind> kinds(int i) {
        return i % 2 == 0 ? EnumSet.of(HelpKind.ADVICE) : EnumSet.of(HelpKind.ADVICE, HelpKind.VISIT);
    }

    @Test
    void everyRuleThatRestsOnEarlierEventsHoldsAfterLoadingFromASnapshot() {
        practice.send(
                new RecordPractice("pr1", "E-auction", "Buy together.", THEME, "E09000007", null, null, AMARA, AT));
        // Events 1 to 12: the current name and summary come from event 12.
        for (int i = 1; i <= 12; i++) {
            practice.send(new RevisePractice("pr1", "E-auction " + i, "Buy together.", null, AMARA, AT));
        }
        for (int i = 0; i < 15; i++) {
            practice.send(new OfferHelp("pr1", kinds(i), camden(i), AT));
        }
        practice.send(new LinkEvidenceToPractice("pr1", "e1", AMARA, AT));
        assertThat(practice.snapshotsStored()).isGreaterThanOrEqualTo(2);
        assertThat(practice.snapshotJson("pr1")).contains("camden-14", "VISIT", "\"describedIn\":12", "E-auction 12");

        // Each of these depends on an event from before the last snapshot.
        assertThat(practice.send(new RevisePractice("pr1", "E-auctions", "Buy.", 11L, AMARA, AT))
                        .refusal())
                .as("a form opened before revision 12 cannot undo it")
                .contains("Someone else changed this practice");
        assertThat(practice.send(new OfferHelp("pr1", kinds(0), camden(0), AT)).events())
                .as("the same offer again records nothing")
                .isEmpty();
        assertThat(practice.send(new OfferHelp("pr1", EnumSet.of(HelpKind.SECONDMENT), camden(1), AT))
                        .events())
                .containsExactly(new HelpOffered("pr1", "camden-1", "E09000007", EnumSet.of(HelpKind.SECONDMENT), AT));
        assertThat(practice.send(new LinkEvidenceToPractice("pr1", "e1", AMARA, AT))
                        .events())
                .isEmpty();
        assertThat(practice.send(new WithdrawHelp("pr1", camden(2), AT)).events())
                .containsExactly(new HelpWithdrawn("pr1", "camden-2", AT));
        assertThat(practice.send(new WithdrawHelp("pr1", camden(99), AT)).events())
                .isEmpty();
        assertThat(practice.send(new RevisePractice("pr1", "E-auctions", "Buy.", 12L, AMARA, AT))
                        .events())
                .containsExactly(new PracticeRevised("pr1", "E-auctions", "Buy.", "amara", AT));

        assertThat(practice.snapshotsRead()).isPositive();
        assertThat(practice.loadedFromSnapshot("pr1"))
                .usingRecursiveComparison()
                .isEqualTo(practice.rebuiltFromEvents("pr1"));
    }
}
