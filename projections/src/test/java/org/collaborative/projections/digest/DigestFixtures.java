package org.collaborative.projections.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.group.JoinRequested;
import org.collaborative.events.proposal.EvidenceLinkedToProposal;
import org.collaborative.events.proposal.ProposalDecided;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalEndorsed;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.proposal.ProposalOpenedForChallenge;
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.infrastructure.Events;
import org.collaborative.views.digest.ActivityView;
import org.collaborative.views.digest.DigestWeek;
import org.collaborative.views.digest.NotificationSettings;
import org.collaborative.views.follow.Follows;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.group.GroupPage.JoinRequest;
import org.collaborative.views.group.GroupPage.Membership;
import org.collaborative.views.organisation.OrganisationCard;

/**
 * A small London for digest tests: Hackney and its neighbour Islington, Camden and Sutton further off; a chief
 * executive of Hackney (Priya), a service leader from Camden (Tom), and a week of activity built by the real
 * {@link ActivityProjector} from events.
 */
final class DigestFixtures {

    static final String HACKNEY = "E09000012";
    static final String ISLINGTON = "E09000019";
    static final String CAMDEN = "E09000007";
    static final String SUTTON = "E09000029";
    static final String PRIYA = "priya";
    static final String TOM = "tom";
    static final String AMARA = "amara";
    static final String SUTTON_CE = "sutton-ce";
    static final String ISLINGTON_LEAD = "islington-lead";
    static final String CAMDEN_NEWCOMER = "camden-newcomer";

    /** 08:00 BST on Monday 30 March 2026: the week spans the change to summer time. */
    static final DigestWeek WEEK = DigestWeek.of(LocalDate.of(2026, 3, 30), LocalTime.of(8, 0));

    static Instant inWeek(int hours) {
        return WEEK.from().plusSeconds(hours * 3600L);
    }

    static Instant beforeWeek(int days) {
        return WEEK.from().minusSeconds(days * 86_400L);
    }

    static final Map<String, OrganisationCard> ORGANISATIONS = Map.of(
            HACKNEY, borough(HACKNEY, "Hackney", 3, 6),
            ISLINGTON, borough(ISLINGTON, "Islington", 3, 5),
            CAMDEN, borough(CAMDEN, "Camden", 3, 4),
            SUTTON, borough(SUTTON, "Sutton", 7, 4));

    static OrganisationCard borough(String id, String name, int row, int column) {
        return new OrganisationCard(id, name, "LOCAL_AUTHORITY", id, "inner", row, column, Map.of(), null);
    }

    static Membership member(String memberId, String organisationId) {
        return new Membership(memberId, organisationId, beforeWeek(30));
    }

    static GroupPage group(
            String id,
            String name,
            String visibility,
            List<String> facilitators,
            List<Membership> members,
            List<JoinRequest> requests) {
        return new GroupPage(
                id,
                "buying-better",
                name,
                "",
                visibility,
                beforeWeek(60),
                facilitators,
                members,
                List.of(),
                requests,
                List.of(),
                List.of(),
                null,
                Map.of(),
                null);
    }

    static Map<String, GroupPage> groups() {
        Map<String, GroupPage> groups = new HashMap<>();
        groups.put(
                "g1",
                group(
                        "g1",
                        "Buying better together",
                        "OPEN",
                        List.of(AMARA),
                        List.of(
                                member(AMARA, "london-councils"),
                                member(PRIYA, HACKNEY),
                                member(TOM, CAMDEN),
                                member(SUTTON_CE, SUTTON),
                                member(ISLINGTON_LEAD, ISLINGTON)),
                        List.of()));
        groups.put(
                "g2",
                group(
                        "g2",
                        "Chief executives' retreat",
                        "INVITATION_ONLY",
                        List.of(AMARA, PRIYA),
                        List.of(member(AMARA, "london-councils"), member(PRIYA, HACKNEY)),
                        List.of(new JoinRequest(CAMDEN_NEWCOMER, CAMDEN, inWeek(20), null, null))));
        groups.put(
                "g4",
                group(
                        "g4",
                        "A private group",
                        "INVITATION_ONLY",
                        List.of(TOM),
                        List.of(member(TOM, CAMDEN)),
                        List.of()));
        return groups;
    }

    static NotificationSettings priya() {
        return new NotificationSettings(
                PRIYA, HACKNEY, "CHIEF_EXECUTIVE", null, null, true, List.of(), null, Map.of(), null);
    }

    static NotificationSettings tom(List<NotificationSettings.Frequency> frequencies) {
        return new NotificationSettings(
                TOM, CAMDEN, "SERVICE_LEADER", null, null, true, frequencies, null, Map.of(), null);
    }

    /** Applies events in order to the activity documents they concern, as the projection does. */
    static final class Activity {
        private final ActivityProjector projector = new ActivityProjector();
        private final Map<String, ActivityView> views = new HashMap<>();
        private final Map<String, Long> sequences = new HashMap<>();

        Activity with(Object event) {
            String id = projector.viewId(event).orElseThrow();
            ActivityView view = views.getOrDefault(id, projector.empty(id));
            long sequence = sequences.merge(id, 1L, Long::sum);
            views.put(id, projector.apply(view, Events.envelope(id, sequence, event)));
            return this;
        }

        List<ActivityView> all() {
            return new ArrayList<>(views.values());
        }

        ActivityView get(String id) {
            return views.get(id);
        }

        DigestContext context(DigestWeek week, Map<String, Follows> follows) {
            Map<String, List<ActivityView>> byEvidence = new HashMap<>();
            for (ActivityView view : views.values()) {
                for (String evidenceId : view.evidenceIds()) {
                    byEvidence
                            .computeIfAbsent(evidenceId, k -> new ArrayList<>())
                            .add(view);
                }
            }
            return new DigestContext(
                    week,
                    all(),
                    groups(),
                    ORGANISATIONS,
                    Map.of("buying-better", "Buying better"),
                    byEvidence,
                    follows);
        }
    }

    /** The week described in DigestComposerTest, one happening of each kind the ranking knows. */
    static Activity aBusyWeek() {
        return new Activity()
                // (1) a request to join the group Priya facilitates, still waiting
                .with(new JoinRequested("g2", CAMDEN_NEWCOMER, CAMDEN, inWeek(20)))
                // (1) a proposal opened for challenge in her group, which she has not responded to
                .with(new ProposalDrafted(
                        "p1",
                        "g1",
                        "buying-better",
                        "Shared legal services",
                        "",
                        ProposalForm.NEW_PARTNERSHIP,
                        TOM,
                        CAMDEN,
                        beforeWeek(3)))
                .with(new ProposalOpenedForChallenge("p1", TOM, inWeek(30)))
                // (1) a question in a group Hackney is in, nobody from Hackney has answered
                .with(new QuestionPosted(
                        "q1",
                        "g1",
                        "buying-better",
                        "Who buys fleet vehicles together?",
                        "",
                        SUTTON_CE,
                        SUTTON,
                        inWeek(40)))
                // (2) Islington, next door, took a proposal forward and submitted evidence
                .with(new ProposalDrafted(
                        "p2",
                        "g1",
                        "buying-better",
                        "Islington's repairs framework",
                        "",
                        ProposalForm.PROCESS_IMPROVEMENT,
                        ISLINGTON_LEAD,
                        ISLINGTON,
                        beforeWeek(20)))
                .with(new ProposalDecided("p2", ProposalOutcome.TAKEN_FORWARD, "Agreed", AMARA, inWeek(50)))
                .with(new EvidenceSubmitted(
                        "e1",
                        "g1",
                        "buying-better",
                        "Repairs framework cut costs",
                        "",
                        "source",
                        EvidenceKind.DATA,
                        2,
                        ISLINGTON_LEAD,
                        ISLINGTON,
                        inWeek(60)))
                // (3) evidence behind a proposal Priya endorsed went from level 2 to 3; another went down
                .with(new EvidenceSubmitted(
                        "e2",
                        "g1",
                        "buying-better",
                        "Audited auction savings",
                        "",
                        "source",
                        EvidenceKind.DATA,
                        2,
                        SUTTON_CE,
                        SUTTON,
                        beforeWeek(10)))
                .with(new EvidenceSubmitted(
                        "e3",
                        "g1",
                        "buying-better",
                        "A survey of buyers",
                        "",
                        "source",
                        EvidenceKind.DATA,
                        3,
                        SUTTON_CE,
                        SUTTON,
                        beforeWeek(10)))
                .with(new ProposalDrafted(
                        "p3",
                        "g1",
                        "buying-better",
                        "A pan-London e-auction",
                        "",
                        ProposalForm.PROCESS_IMPROVEMENT,
                        TOM,
                        CAMDEN,
                        beforeWeek(9)))
                .with(new EvidenceLinkedToProposal("p3", "e2", TOM, beforeWeek(9)))
                .with(new EvidenceLinkedToProposal("p3", "e3", TOM, beforeWeek(9)))
                .with(new ProposalEndorsed("p3", PRIYA, HACKNEY, beforeWeek(8)))
                .with(new EvidenceRevised(
                        "e2", "Audited auction savings", "", "source", EvidenceKind.DATA, 3, SUTTON_CE, inWeek(70)))
                .with(new EvidenceRevised(
                        "e3", "A survey of buyers", "", "source", EvidenceKind.DATA, 2, SUTTON_CE, inWeek(71)))
                // (5) a new proposal in a theme Hackney is in
                .with(new ProposalDrafted(
                        "p4",
                        "g1",
                        "buying-better",
                        "Extend the auction to furniture",
                        "",
                        ProposalForm.PROCESS_IMPROVEMENT,
                        SUTTON_CE,
                        SUTTON,
                        inWeek(80)))
                // not for Priya: a group she cannot see, her own evidence, and something before the week
                .with(new QuestionPosted(
                        "q2", "g4", "buying-better", "A private question", "", TOM, CAMDEN, inWeek(90)))
                .with(new EvidenceSubmitted(
                        "e4",
                        "g1",
                        "buying-better",
                        "Hackney's own evidence",
                        "",
                        "source",
                        EvidenceKind.DATA,
                        1,
                        PRIYA,
                        HACKNEY,
                        inWeek(95)))
                .with(new ProposalDrafted(
                        "p5",
                        "g1",
                        "buying-better",
                        "Last month's idea",
                        "",
                        ProposalForm.PROCESS_IMPROVEMENT,
                        TOM,
                        CAMDEN,
                        beforeWeek(5)))
                .with(new ProposalOpenedForChallenge("p5", TOM, beforeWeek(4)));
    }

    private DigestFixtures() {}
}
