package org.collaborative.projections.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.digest.DigestFixtures.CAMDEN;
import static org.collaborative.projections.digest.DigestFixtures.HACKNEY;
import static org.collaborative.projections.digest.DigestFixtures.PRIYA;
import static org.collaborative.projections.digest.DigestFixtures.WEEK;
import static org.collaborative.projections.digest.DigestFixtures.inWeek;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.collaborative.projections.digest.DigestComposer.Composition;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.digest.Digest.Entry;
import org.collaborative.views.digest.Digest.Section;
import org.collaborative.views.retreat.RetreatView;
import org.junit.jupiter.api.Test;

/**
 * A chief executive's digest lists their council's pledges and actions from retreats coming due (the domain guide's
 * category 4): due within four weeks of the digest, overdue, or with a check-in raised this week, soonest first.
 */
class DigestCommitmentsTest {

    /** The digest of WEEK falls due on Monday 30 March 2026. */
    private static final LocalDate DIGEST_DAY = LocalDate.of(2026, 3, 30);

    private static CommitmentView commitment(
            String id, String organisationId, LocalDate dueOn, String progress, List<CommitmentView.CheckIn> checkIns) {
        return new CommitmentView(
                id,
                id.startsWith("a") ? CommitmentView.ACTION : CommitmentView.PLEDGE,
                "r1",
                null,
                null,
                null,
                "Commitment " + id,
                "someone",
                organisationId,
                dueOn,
                "g1",
                null,
                LocalDate.of(2025, 11, 6),
                "amara",
                Instant.parse("2025-11-06T15:00:00Z"),
                progress,
                null,
                null,
                null,
                checkIns,
                null,
                null,
                Map.of(),
                null);
    }

    private static DigestContext context(List<CommitmentView> commitments) {
        return context(commitments, List.of());
    }

    private static DigestContext context(List<CommitmentView> commitments, List<RetreatView> retreats) {
        DigestContext base = new DigestFixtures.Activity().context(WEEK, Map.of());
        return new DigestContext(
                base.week(),
                base.activity(),
                base.groups(),
                base.organisations(),
                base.themeTitles(),
                base.proposalsByEvidence(),
                base.follows(),
                commitments,
                Map.of("r1", "Chief executives' retreat"),
                retreats);
    }

    private static RetreatView retreat(
            String id, LocalDateTime startsAt, String status, List<String> invited, List<String> registered) {
        return new RetreatView(
                id,
                "Retreat " + id,
                "ONE_DAY_CONFERENCE",
                "City Hall",
                null,
                startsAt,
                startsAt.plusHours(8),
                40,
                List.of(),
                true,
                "amara",
                Instant.parse("2026-03-01T09:00:00Z"),
                status,
                null,
                List.of(),
                invited,
                List.of(),
                registered.stream()
                        .map(m -> new RetreatView.Attendee(m, HACKNEY, Instant.parse("2026-03-02T09:00:00Z")))
                        .toList(),
                List.of(),
                Map.of(),
                Map.of(),
                null,
                List.of(),
                Map.of(),
                null);
    }

    @Test
    void upcomingRetreatsTheChiefExecutiveIsInvitedToOrHasAPlaceAtComeSoonestFirst() {
        LocalDateTime digest = DIGEST_DAY.atTime(8, 0);
        Composition composition = new DigestComposer(7)
                .compose(
                        DigestFixtures.priya(),
                        context(
                                List.of(),
                                List.of(
                                        retreat("invited", digest.plusWeeks(6), "SCHEDULED", List.of(PRIYA), List.of()),
                                        retreat(
                                                "too-far",
                                                digest.plusWeeks(12),
                                                "SCHEDULED",
                                                List.of(PRIYA),
                                                List.of()),
                                        retreat("place", digest.plusDays(3), "SCHEDULED", List.of(), List.of(PRIYA)),
                                        retreat(
                                                "place-later",
                                                digest.plusWeeks(3),
                                                "SCHEDULED",
                                                List.of(),
                                                List.of(PRIYA)),
                                        retreat(
                                                "cancelled",
                                                digest.plusDays(2),
                                                "CANCELLED",
                                                List.of(PRIYA),
                                                List.of()),
                                        retreat(
                                                "not-hers",
                                                digest.plusDays(2),
                                                "SCHEDULED",
                                                List.of("tom"),
                                                List.of()))));

        assertThat(composition.sections()).extracting(Section::category).containsExactly("UPCOMING_RETREATS");
        List<Entry> entries = composition.sections().get(0).entries();
        assertThat(entries).extracting(Entry::id).containsExactly("retreat:place", "retreat:invited");
        assertThat(entries.get(0).why()).isEqualTo("You have a place at this retreat on 2 April 2026.");
        assertThat(entries.get(1).why())
                .isEqualTo("You are invited to this retreat on 11 May 2026: register for a place or decline.");
        assertThat(entries.get(1).link()).isEqualTo("/retreats/invited");
    }

    @Test
    void theCouncilsCommitmentsComingDueOverdueOrCheckedInComeSoonestFirstWithWhy() {
        Composition digest = new DigestComposer(7)
                .compose(
                        DigestFixtures.priya(),
                        context(List.of(
                                commitment("a-soon", HACKNEY, DIGEST_DAY.plusDays(20), "ON_TRACK", List.of()),
                                commitment("p-overdue", HACKNEY, DIGEST_DAY.minusDays(3), null, List.of()),
                                commitment("a-later", HACKNEY, DIGEST_DAY.plusDays(60), null, List.of()),
                                commitment(
                                        "p-checkin",
                                        HACKNEY,
                                        DIGEST_DAY.plusDays(90),
                                        "AT_RISK",
                                        List.of(new CommitmentView.CheckIn(90, inWeek(10), null))),
                                commitment("a-done", HACKNEY, DIGEST_DAY.plusDays(2), "DONE", List.of()),
                                commitment("a-camden", CAMDEN, DIGEST_DAY.plusDays(2), null, List.of()))));

        assertThat(digest.sections()).extracting(Section::category).containsExactly("COMING_DUE");
        assertThat(digest.sections().get(0).heading()).isEqualTo("Hackney's pledges and actions coming due");
        List<Entry> entries = digest.sections().get(0).entries();
        assertThat(entries).extracting(Entry::id).containsExactly("p-overdue", "a-soon", "p-checkin");
        assertThat(entries.get(0).why())
                .isEqualTo("Hackney's pledge from ‘Chief executives' retreat’ was due on 27 March 2026 and is not"
                        + " recorded as done; no progress has been recorded yet.");
        assertThat(entries.get(1).why()).endsWith("is due on 19 April 2026; its latest progress is on track.");
        assertThat(entries.get(2).why()).endsWith("Its 90-day check-in is waiting for its owner.");
        assertThat(entries.get(0).link()).isEqualTo("/retreats/r1/report#commitment-p-overdue");
        assertThat(digest.subject()).isEqualTo("Hackney this week: 3 pledges and actions coming due");
    }

    @Test
    void membersWhoAreNotChiefExecutivesDoNotGetTheCategory() {
        Composition digest = new DigestComposer(7)
                .compose(
                        DigestFixtures.tom(List.of()),
                        context(List.of(commitment("a-soon", CAMDEN, DIGEST_DAY.plusDays(2), null, List.of()))));

        assertThat(digest.isEmpty()).isTrue();
    }
}
