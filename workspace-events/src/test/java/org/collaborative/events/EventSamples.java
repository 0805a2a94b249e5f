package org.collaborative.events;

import java.time.Instant;
import java.util.List;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.evidence.EvidenceChallenged;
import org.collaborative.events.evidence.EvidenceEndorsed;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.follow.MemberFollowed;
import org.collaborative.events.follow.MemberUnfollowed;
import org.collaborative.events.group.FacilitatorAppointed;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.InvitationDeclined;
import org.collaborative.events.group.JoinRequestApproved;
import org.collaborative.events.group.JoinRequestDeclined;
import org.collaborative.events.group.JoinRequested;
import org.collaborative.events.group.MemberInvitedToGroup;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.MemberLeftGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.member.ErasureReason;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.member.MemberProfileChanged;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.member.MemberRoleChanged;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.notification.DigestScheduleChosen;
import org.collaborative.events.notification.DigestUnsubscribed;
import org.collaborative.events.notification.NotificationFrequency;
import org.collaborative.events.notification.NotificationFrequencyChosen;
import org.collaborative.events.notification.NotificationsRead;
import org.collaborative.events.organisation.OrganisationKind;
import org.collaborative.events.organisation.OrganisationRegistered;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.AdoptionStageRecorded;
import org.collaborative.events.practice.EvidenceLinkedToPractice;
import org.collaborative.events.practice.FinanceOfficerDesignated;
import org.collaborative.events.practice.FinanceOfficerDesignationEnded;
import org.collaborative.events.practice.HelpKind;
import org.collaborative.events.practice.HelpOffered;
import org.collaborative.events.practice.HelpWithdrawn;
import org.collaborative.events.practice.OutcomeKind;
import org.collaborative.events.practice.OutcomeReported;
import org.collaborative.events.practice.OutcomeVerified;
import org.collaborative.events.practice.PracticeRecorded;
import org.collaborative.events.practice.PracticeRevised;
import org.collaborative.events.practice.SavingRecurrence;
import org.collaborative.events.proposal.EvidenceLinkedToProposal;
import org.collaborative.events.proposal.ProposalChallenged;
import org.collaborative.events.proposal.ProposalDecided;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalEndorsed;
import org.collaborative.events.proposal.ProposalEndorsedByGroup;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.proposal.ProposalOpenedForChallenge;
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.events.proposal.ProposalWithdrawn;
import org.collaborative.events.question.AnswerAccepted;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionClosed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.events.question.QuestionReopened;
import org.collaborative.events.theme.ThemeArchived;
import org.collaborative.events.theme.ThemeCreated;
import org.collaborative.events.theme.ThemeDescribed;

/** One example of every event of the published language, for the approval tests. */
final class EventSamples {

    private static final Instant AT = Instant.parse("2026-11-26T09:30:00.123Z");
    private static final String M = "5f0c1f7e-0000-4000-8000-000000000001";
    private static final String G = "5f0c1f7e-0000-4000-8000-000000000002";
    private static final String Q = "5f0c1f7e-0000-4000-8000-000000000004";
    private static final String A = "5f0c1f7e-0000-4000-8000-000000000005";
    private static final String E = "5f0c1f7e-0000-4000-8000-000000000006";
    private static final String P = "5f0c1f7e-0000-4000-8000-000000000007";
    private static final String C = "5f0c1f7e-0000-4000-8000-000000000008";
    private static final String PR = "5f0c1f7e-0000-4000-8000-000000000009";
    private static final String AD = "5f0c1f7e-0000-4000-8000-000000000009:E09000007";
    private static final String O = "5f0c1f7e-0000-4000-8000-00000000000a";
    /** Personal data as events carry it: sealed with the member's key (a made-up IV and ciphertext). */
    private static final String SEALED = "v1.q83vEjRWeJq83vEj.3q2-7wAAAAD_____ZmFrZSBjaXBoZXJ0ZXh0";

    static final List<Object> ALL = List.of(
            new OrganisationRegistered(
                    "E09000007", "Camden", OrganisationKind.LOCAL_AUTHORITY, "E09000007", "inner", 2, 5, AT),
            new MemberRegistered(
                    "5f0c1f7e-0000-4000-8000-000000000001", "E09000012", MemberRole.CHIEF_EXECUTIVE, AT, SEALED),
            new MemberProfileChanged(M, SEALED, AT),
            new MemberRoleChanged(M, MemberRole.SERVICE_LEADER, MemberRole.FACILITATOR, A, AT),
            new MemberErased(M, "E09000012", ErasureReason.ERASURE_REQUEST, "DSAR-2026/114", A, AT),
            new org.collaborative.events.member.MemberInvited(
                    M, "E09000007", MemberRole.ORGANISATION_ADMINISTRATOR, A, AT),
            new org.collaborative.events.member.InvitationResent(M, A, AT),
            new org.collaborative.events.member.InvitationAccepted(M, AT),
            new org.collaborative.events.member.InvitationRevoked(M, A, AT),
            new ThemeCreated(
                    "behaviour-change", "Behaviour change", "Helping residents make better choices.", null, AT),
            new WorkingGroupFormed(
                    "5f0c1f7e-0000-4000-8000-000000000002",
                    "behaviour-change",
                    "Nudging recycling",
                    "What gets residents to recycle more.",
                    GroupVisibility.OPEN,
                    "5f0c1f7e-0000-4000-8000-000000000003",
                    "london-councils",
                    AT),
            new MemberJoinedGroup(
                    "5f0c1f7e-0000-4000-8000-000000000002", "5f0c1f7e-0000-4000-8000-000000000001", "E09000012", AT),
            new QuestionPosted(
                    "5f0c1f7e-0000-4000-8000-000000000004",
                    "5f0c1f7e-0000-4000-8000-000000000002",
                    "behaviour-change",
                    "Has anyone run an e-auction for IT hardware?",
                    "Ten councils saved about £400,000 each.",
                    "5f0c1f7e-0000-4000-8000-000000000001",
                    "E09000012",
                    AT),
            new QuestionAnswered(Q, A, G, "Yes: **Hackney** led one in 2010.", M, "E09000012", AT),
            new AnswerAccepted(Q, A, M, AT),
            new QuestionClosed(Q, M, AT),
            new QuestionReopened(Q, M, AT),
            new EvidenceSubmitted(
                    E,
                    G,
                    "behaviour-change",
                    "IT hardware e-auction savings",
                    "Ten councils each saved about £400,000.",
                    "London Councils, Capital Ambition report, 2010",
                    EvidenceKind.EVALUATION,
                    2,
                    M,
                    "E09000012",
                    AT),
            new EvidenceRevised(
                    E,
                    "IT hardware e-auction savings",
                    "Ten councils each saved about £400,000.",
                    "https://example.org/report",
                    EvidenceKind.DATA,
                    3,
                    M,
                    AT),
            new EvidenceEndorsed(E, M, "E09000012", AT),
            new EvidenceChallenged(E, C, M, "E09000012", "The savings were not cashable.", AT),
            new ProposalDrafted(
                    P,
                    G,
                    "behaviour-change",
                    "A joint e-auction for laptops",
                    "Buy together, save together.",
                    ProposalForm.NEW_PARTNERSHIP,
                    M,
                    "E09000012",
                    AT),
            new ProposalOpenedForChallenge(P, M, AT),
            new ProposalEndorsed(P, M, "E09000012", AT),
            new ProposalChallenged(P, C, M, "E09000012", "Who owns the contract?", AT),
            new EvidenceLinkedToProposal(P, E, M, AT),
            new ProposalEndorsedByGroup(P, M, AT),
            new ProposalDecided(P, ProposalOutcome.TAKEN_FORWARD, "The savings are proven.", M, AT),
            new ProposalWithdrawn(P, M, "Superseded by the pan-London framework.", AT),
            new CommentPosted(C, P, "proposal", G, "Count us in.", M, "E09000012", AT),
            new ItemReported(C, "comment", P, G, A, "Personal details of a resident.", M, "E09000012", AT),
            new ItemHidden(C, "comment", P, G, "Names a resident.", M, AT),
            new ItemRestored(Q, "question", null, G, "The details were removed by the asker.", M, AT),
            new org.collaborative.events.moderation.ReportsDismissed(
                    Q, "question", null, G, "It is a fair question, put plainly.", M, AT),
            new org.collaborative.events.moderation.AnswerReported(Q, A, G, C, "Names a resident.", M, "E09000012", AT),
            new org.collaborative.events.moderation.AnswerHidden(Q, A, G, M, "Names a resident.", M, AT),
            new org.collaborative.events.moderation.AnswerRestored(
                    Q, A, G, M, "The name was a public officer's.", M, AT),
            new org.collaborative.events.moderation.AnswerReportsDismissed(
                    Q, A, G, "It criticises a policy, not a person.", M, AT),
            new ThemeDescribed("behaviour-change", "Behaviour change", "Nudges that last.", M, AT),
            new ThemeArchived("behaviour-change", M, AT),
            new MemberLeftGroup(G, M, AT),
            new org.collaborative.events.group.ErasedMemberRemovedFromGroup(G, M, AT),
            new JoinRequested(G, M, "E09000012", AT),
            new JoinRequestApproved(G, M, A, AT),
            new JoinRequestDeclined(G, M, A, "This group is for housing directors.", AT),
            new MemberInvitedToGroup(G, M, "E09000012", A, AT),
            new InvitationDeclined(G, M, AT),
            new FacilitatorAppointed(G, M, A, AT),
            new org.collaborative.events.group.WorkingGroupRenamed(
                    G, "Retrofitting council homes", "Insulating homes across London, street by street.", M, AT),
            new org.collaborative.events.group.WorkingGroupArchived(
                    G, "Its work has moved to the retrofit programme board.", M, AT),
            new org.collaborative.events.group.WorkingGroupReopened(G, A, AT),
            new MemberFollowed(M, FollowTarget.GROUP, G, AT),
            new MemberUnfollowed(M, FollowTarget.ITEM, P, AT),
            new NotificationFrequencyChosen(M, FollowTarget.ITEM, P, NotificationFrequency.DAILY, AT),
            new DigestScheduleChosen(M, java.time.DayOfWeek.FRIDAY, java.time.LocalTime.of(16, 30), true, AT),
            new DigestUnsubscribed(M, AT),
            new NotificationsRead(M, AT, AT),
            new PracticeRecorded(
                    PR,
                    "IT hardware e-auction",
                    "Councils buy laptops and desktops together through a reverse auction.",
                    "behaviour-change",
                    "E09000012",
                    P,
                    M,
                    AT,
                    java.time.LocalDate.of(2024, 10, 1)),
            new PracticeRevised(PR, "IT hardware e-auction", "Buy together through a reverse auction.", M, AT),
            new EvidenceLinkedToPractice(PR, E, M, AT),
            new AdoptionStageRecorded(
                    AD,
                    PR,
                    "E09000007",
                    AdoptionStage.ADAPTED,
                    java.time.LocalDate.of(2025, 3, 14),
                    "Joined for desktops only; laptops stay on the existing framework.",
                    null,
                    null,
                    M,
                    AT),
            new OutcomeReported(
                    AD,
                    O,
                    PR,
                    "E09000007",
                    OutcomeKind.CASHABLE_SAVING,
                    40_000_000L,
                    SavingRecurrence.RECURRING,
                    java.time.LocalDate.of(2025, 4, 1),
                    java.time.LocalDate.of(2026, 3, 31),
                    null,
                    null,
                    null,
                    null,
                    "Camden finance, outturn report 2025-26",
                    2,
                    M,
                    AT),
            new OutcomeVerified(AD, O, PR, "E09000007", A, java.time.LocalDate.of(2026, 11, 20), AT),
            new HelpOffered(PR, M, "E09000007", java.util.Set.of(HelpKind.VISIT), AT),
            new HelpWithdrawn(PR, M, AT),
            new FinanceOfficerDesignated(M, "E09000007", A, AT),
            new FinanceOfficerDesignationEnded(M, "E09000007", A, AT));

    private EventSamples() {}
}
