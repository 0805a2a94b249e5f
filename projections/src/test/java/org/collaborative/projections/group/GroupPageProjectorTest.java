package org.collaborative.projections.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.projections.infrastructure.Events.envelope;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.group.ErasedMemberRemovedFromGroup;
import org.collaborative.events.group.FacilitatorAppointed;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.InvitationDeclined;
import org.collaborative.events.group.JoinRequestDeclined;
import org.collaborative.events.group.JoinRequested;
import org.collaborative.events.group.MemberInvitedToGroup;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.MemberLeftGroup;
import org.collaborative.events.group.WorkingGroupArchived;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.group.WorkingGroupRenamed;
import org.collaborative.events.group.WorkingGroupReopened;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.views.group.GroupPage;
import org.junit.jupiter.api.Test;

class GroupPageProjectorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private final GroupPageProjector projector = new GroupPageProjector();

    private static WorkingGroupFormed formed() {
        return new WorkingGroupFormed(
                "g1", "theme", "Retrofit", "Homes", GroupVisibility.OPEN, "amara", "london-councils", T0);
    }

    private static QuestionPosted question(String id, Instant at) {
        return new QuestionPosted(id, "g1", "theme", "Question " + id, "", "tom", "E09000007", at);
    }

    @Test
    void theFacilitatorIsTheFirstMember() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));

        assertThat(page.name()).isEqualTo("Retrofit");
        assertThat(page.facilitatorIds()).containsExactly("amara");
        assertThat(page.members()).extracting(GroupPage.Membership::memberId).containsExactly("amara");
    }

    @Test
    void aRenamedGroupShowsItsNewNameAndPurposeAndKeepsEverythingElse() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        page = projector.apply(page, envelope("q1", 0, question("q1", T0)));
        page = projector.apply(
                page, envelope("g1", 1, new WorkingGroupRenamed("g1", "Retrofit rooftops", "Solar", "amara", T0)));

        assertThat(page.name()).isEqualTo("Retrofit rooftops");
        assertThat(page.purpose()).isEqualTo("Solar");
        assertThat(page.facilitatorIds()).containsExactly("amara");
        assertThat(page.questions()).hasSize(1);
        assertThat(page.inArchive()).isFalse();
    }

    @Test
    void anArchivedGroupSaysWhyAndWhenUntilItIsReopened() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        page = projector.apply(
                page,
                envelope(
                        "g1",
                        1,
                        new WorkingGroupArchived("g1", "Moved to the programme board", "amara", T0.plusSeconds(60))));

        assertThat(page.inArchive()).isTrue();
        assertThat(page.archived())
                .isEqualTo(new GroupPage.Archival("Moved to the programme board", "amara", T0.plusSeconds(60)));
        assertThat(page.members()).extracting(GroupPage.Membership::memberId).containsExactly("amara");

        page = projector.apply(page, envelope("g1", 2, new WorkingGroupReopened("g1", "sam", T0.plusSeconds(120))));
        assertThat(page.inArchive()).isFalse();
        assertThat(page.archived()).isNull();
        assertThat(page.name()).isEqualTo("Retrofit");
    }

    @Test
    void questionsAreListedNewestFirst() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        page = projector.apply(page, envelope("q1", 0, question("q1", T0.plusSeconds(10))));
        page = projector.apply(page, envelope("q2", 0, question("q2", T0.plusSeconds(20))));

        assertThat(page.questions())
                .extracting(GroupPage.QuestionSummary::questionId)
                .containsExactly("q2", "q1");
    }

    @Test
    void aQuestionThatArrivesBeforeItsGroupIsKeptAndTheGroupFillsInLater() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("q1", 0, question("q1", T0)));
        page = projector.apply(page, envelope("g1", 0, formed()));

        assertThat(page.name()).isEqualTo("Retrofit");
        assertThat(page.questions())
                .extracting(GroupPage.QuestionSummary::questionId)
                .containsExactly("q1");
    }

    @Test
    void membersOfTheSameMillisecondAreOrderedAlikeWhereverAPollsBatchEnded() {
        GroupPage formedPage = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        // Priya joined 300 microseconds before Tom, within one millisecond; MongoDB keeps milliseconds.
        MemberJoinedGroup tom = new MemberJoinedGroup("g1", "tom", "E09000007", T0.plusNanos(400_000));
        MemberJoinedGroup priya = new MemberJoinedGroup("g1", "priya", "E09000012", T0.plusNanos(100_000));

        GroupPage oneBatch =
                projector.apply(projector.apply(formedPage, envelope("g1", 1, tom)), envelope("g1", 2, priya));
        GroupPage tomReadBack = projector.apply(formedPage, envelope("g1", 1, tom));
        tomReadBack = projector.apply(asStored(tomReadBack), envelope("g1", 2, priya));

        assertThat(oneBatch.members())
                .extracting(GroupPage.Membership::memberId)
                .isEqualTo(tomReadBack.members().stream()
                        .map(GroupPage.Membership::memberId)
                        .toList())
                .containsSubsequence("priya", "tom");
    }

    /** The page as read back from MongoDB: instants to the millisecond. */
    private static GroupPage asStored(GroupPage page) {
        return new GroupPage(
                page.id(),
                page.themeId(),
                page.name(),
                page.purpose(),
                page.visibility(),
                page.formedAt(),
                page.facilitatorIds(),
                page.members().stream()
                        .map(m -> new GroupPage.Membership(
                                m.memberId(), m.organisationId(), m.joinedAt().truncatedTo(ChronoUnit.MILLIS)))
                        .toList(),
                page.questions(),
                page.requests(),
                page.invitations(),
                page.items(),
                page.archived(),
                page.applied(),
                page.version());
    }

    @Test
    void theSameMemberOrQuestionIsNeverListedTwice() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        MemberJoinedGroup joined = new MemberJoinedGroup("g1", "tom", "E09000007", T0);
        page = projector.apply(page, envelope("g1", 1, joined));
        page = projector.apply(page, envelope("g1", 1, joined));
        page = projector.apply(page, envelope("q1", 0, question("q1", T0)));
        page = projector.apply(page, envelope("q1", 0, question("q1", T0)));

        assertThat(page.members()).hasSize(2);
        assertThat(page.questions()).hasSize(1);
    }

    @Test
    void requestsAndInvitationsWaitUntilTheMemberJoinsOrIsDeclined() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        page = projector.apply(page, envelope("g1", 1, new JoinRequested("g1", "tom", "E09000007", T0)));
        page = projector.apply(page, envelope("g1", 2, new JoinRequested("g1", "mary", "E09000023", T0)));
        page = projector.apply(
                page, envelope("g1", 3, new MemberInvitedToGroup("g1", "priya", "E09000012", "amara", T0)));
        page = projector.apply(page, envelope("g1", 4, new MemberInvitedToGroup("g1", "ben", "gla", "amara", T0)));
        assertThat(page.requests()).extracting(GroupPage.JoinRequest::memberId).containsExactly("mary", "tom");
        assertThat(page.invitations())
                .extracting(GroupPage.Invitation::memberId)
                .containsExactly("ben", "priya");

        page = projector.apply(page, envelope("g1", 5, new MemberJoinedGroup("g1", "tom", "E09000007", T0)));
        page = projector.apply(page, envelope("g1", 6, new JoinRequestDeclined("g1", "mary", "amara", "No", T0)));
        page = projector.apply(page, envelope("g1", 7, new MemberJoinedGroup("g1", "priya", "E09000012", T0)));
        page = projector.apply(page, envelope("g1", 8, new InvitationDeclined("g1", "ben", T0)));
        assertThat(page.requests()).extracting(GroupPage.JoinRequest::memberId).containsExactly("mary");
        assertThat(page.requests().get(0).declinedReason())
                .as("kept for Mary to read")
                .isEqualTo("No");

        page = projector.apply(
                page, envelope("g1", 9, new JoinRequested("g1", "mary", "E09000023", T0.plusSeconds(5))));
        assertThat(page.requests().get(0).declinedAt())
                .as("asked again: pending")
                .isNull();
        page = projector.apply(
                page, envelope("g1", 10, new MemberJoinedGroup("g1", "mary", "E09000023", T0.plusSeconds(9))));
        assertThat(page.requests()).isEmpty();
        assertThat(page.invitations()).isEmpty();
        assertThat(page.members())
                .extracting(GroupPage.Membership::memberId)
                .containsExactly("amara", "priya", "tom", "mary");
    }

    @Test
    void aGroupHasSeveralFacilitatorsAndOneWhoLeavesIsNoLongerOne() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        page = projector.apply(page, envelope("g1", 1, new MemberJoinedGroup("g1", "tom", "E09000007", T0)));
        page = projector.apply(page, envelope("g1", 2, new FacilitatorAppointed("g1", "tom", "amara", T0)));
        page = projector.apply(page, envelope("g1", 2, new FacilitatorAppointed("g1", "tom", "amara", T0)));
        assertThat(page.facilitatorIds()).containsExactly("amara", "tom");

        page = projector.apply(page, envelope("g1", 3, new MemberLeftGroup("g1", "amara", T0)));
        assertThat(page.facilitatorIds()).containsExactly("tom");
        assertThat(page.members()).extracting(GroupPage.Membership::memberId).containsExactly("tom");
    }

    @Test
    void evidenceAndProposalsAreListedByIdNewestFirstOnce() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        EvidenceSubmitted evidence = new EvidenceSubmitted(
                "e1",
                "g1",
                "theme",
                "Saved £400,000",
                "",
                "report",
                EvidenceKind.EVALUATION,
                2,
                "tom",
                "E09000007",
                T0.plusSeconds(10));
        ProposalDrafted proposal = new ProposalDrafted(
                "p1",
                "g1",
                "theme",
                "An e-auction",
                "",
                ProposalForm.PROCESS_IMPROVEMENT,
                "tom",
                "E09000007",
                T0.plusSeconds(20));
        page = projector.apply(page, envelope("e1", 0, evidence));
        page = projector.apply(page, envelope("p1", 0, proposal));
        page = projector.apply(page, envelope("e1", 0, evidence));

        assertThat(page.items()).extracting(GroupPage.ItemRef::itemId).containsExactly("p1", "e1");
        assertThat(page.items()).extracting(GroupPage.ItemRef::type).containsExactly("proposal", "evidence");
    }

    @Test
    void followsOnlyItsOwnEvents() {
        assertThat(projector.viewId(new org.collaborative.events.theme.ThemeCreated("t", "T", "", null, T0)))
                .isEmpty();
        assertThat(projector.viewId(question("q1", T0))).contains("g1");
    }

    @Test
    void anErasedMemberLeavesTheMembersFacilitatorsRequestsAndInvitations() {
        GroupPage page = projector.apply(projector.empty("g1"), envelope("g1", 0, formed()));
        page = projector.apply(page, envelope("g1", 1, new MemberJoinedGroup("g1", "tom", "E09000007", T0)));
        page = projector.apply(page, envelope("g1", 2, new FacilitatorAppointed("g1", "tom", "amara", T0)));
        page = projector.apply(page, envelope("g1", 3, new JoinRequested("g1", "mary", "E09000023", T0)));
        page = projector.apply(
                page, envelope("g1", 4, new MemberInvitedToGroup("g1", "priya", "E09000012", "amara", T0)));

        page = projector.apply(page, envelope("g1", 5, new ErasedMemberRemovedFromGroup("g1", "tom", T0)));
        page = projector.apply(page, envelope("g1", 6, new ErasedMemberRemovedFromGroup("g1", "mary", T0)));
        page = projector.apply(page, envelope("g1", 7, new ErasedMemberRemovedFromGroup("g1", "priya", T0)));

        assertThat(page.members()).extracting(GroupPage.Membership::memberId).containsExactly("amara");
        assertThat(page.facilitatorIds()).containsExactly("amara");
        assertThat(page.requests()).isEmpty();
        assertThat(page.invitations()).isEmpty();
    }
}
