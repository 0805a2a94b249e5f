package org.collaborative.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.collaborative.app.moderation.ModeratedKind.COMMENT;
import static org.collaborative.app.moderation.ModeratedKind.EVIDENCE;
import static org.collaborative.app.moderation.ModeratedKind.PROPOSAL;
import static org.collaborative.app.moderation.ModeratedKind.QUESTION;
import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.BEN;
import static org.collaborative.app.support.Directories.PRIYA;
import static org.collaborative.app.support.Directories.SAM;
import static org.collaborative.app.support.Directories.THEME;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.comment.Comment;
import org.collaborative.app.evidence.Evidence;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.app.question.Question;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.member.MemberRole;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.proposal.ProposalForm;
import org.collaborative.events.question.QuestionPosted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reporting, hiding and restoring, on each kind of item. Groups: "open" (open), "councils" (council-only) and
 * "invited" (invitation-only), each with Tom, Priya and their facilitator Amara as members. Ben is a partner who
 * belongs to none; Sam is an administrator who belongs to none; Lee is a councillor who belongs to none.
 */
class ItemModerationTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final Instant LATER = AT.plusSeconds(60);
    private static final Actor LEE = new Actor("lee", "E09000022", MemberRole.COUNCILLOR);

    static final GroupDirectory GROUPS = new GroupDirectory() {
        @Override
        public Optional<Entry> find(String groupId) {
            return switch (groupId) {
                case "open" -> Optional.of(new Entry("open", THEME, GroupVisibility.OPEN));
                case "councils" -> Optional.of(new Entry("councils", THEME, GroupVisibility.COUNCIL_ONLY));
                case "invited" -> Optional.of(new Entry("invited", THEME, GroupVisibility.INVITATION_ONLY));
                default -> Optional.empty();
            };
        }

        @Override
        public boolean isMember(String groupId, String memberId) {
            return find(groupId).isPresent() && Set.of("tom", "priya", "amara").contains(memberId);
        }

        @Override
        public boolean isFacilitator(String groupId, String memberId) {
            return find(groupId).isPresent() && memberId.equals("amara");
        }
    };

    private AggregateTestFixture<Question> questions;

    @BeforeEach
    void setUp() {
        questions = new AggregateTestFixture<>(Question.class);
        questions.registerInjectableResource(GROUPS);
    }

    private static CommandMessage<ModerationCommand> report(
            ModeratedKind kind, String id, String reportId, String reason, Actor by) {
        return new ModerationCommand.Report(kind, id, reportId, reason, by, LATER).message();
    }

    private static CommandMessage<ModerationCommand> hide(ModeratedKind kind, String id, String reason, Actor by) {
        return new ModerationCommand.Hide(kind, id, reason, by, LATER).message();
    }

    private static CommandMessage<ModerationCommand> restore(ModeratedKind kind, String id, String reason, Actor by) {
        return new ModerationCommand.Restore(kind, id, reason, by, LATER).message();
    }

    private static QuestionPosted asked(String groupId) {
        return new QuestionPosted("q1", groupId, THEME, "Who pilots telecare?", "", "tom", "E09000007", AT);
    }

    private static ItemReported reported(String groupId, String reportId, Actor by) {
        return new ItemReported(
                "q1",
                "question",
                null,
                groupId,
                reportId,
                "Names a resident",
                by.memberId(),
                by.organisationId(),
                LATER);
    }

    @Test
    void aMemberReportsAnItemWithAReason() {
        questions
                .given(asked("open"))
                .when(report(QUESTION, "q1", "r1", " Names a resident ", PRIYA))
                .expectEvents(reported("open", "r1", PRIYA));
    }

    @Test
    void anyoneWhoCanSeeTheGroupReportsWithoutBeingAMember() {
        questions
                .given(asked("open"))
                .when(report(QUESTION, "q1", "r1", "Names a resident", BEN))
                .expectEvents(reported("open", "r1", BEN));
        questions
                .given(asked("councils"))
                .when(report(QUESTION, "q1", "r1", "Names a resident", LEE))
                .expectEvents(reported("councils", "r1", LEE));
    }

    @Test
    void cannotReportAnItemOneCannotSee() {
        questions
                .given(asked("councils"))
                .when(report(QUESTION, "q1", "r1", "Names a resident", BEN))
                .expectNoEvents()
                .expectExceptionMessage("There is no such question to report");
        questions
                .given(asked("invited"))
                .when(report(QUESTION, "q1", "r1", "Names a resident", LEE))
                .expectNoEvents()
                .expectExceptionMessage("There is no such question to report");
    }

    @Test
    void aReportNeedsAReason() {
        questions
                .given(asked("open"))
                .when(report(QUESTION, "q1", "r1", "  ", PRIYA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a reason");
    }

    @Test
    void theSameReportPostedTwiceIsRecordedOnce() {
        questions
                .given(asked("open"), reported("open", "r1", PRIYA))
                .when(report(QUESTION, "q1", "r1", "Names a resident", PRIYA))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aFacilitatorOfTheGroupHidesAnItemWithAReason() {
        questions
                .given(asked("open"), reported("open", "r1", PRIYA))
                .when(hide(QUESTION, "q1", " Personal details ", AMARA))
                .expectEvents(new ItemHidden("q1", "question", null, "open", "Personal details", "amara", LATER));
    }

    @Test
    void anAdministratorHidesAnItemInAnyGroup() {
        questions
                .given(asked("councils"))
                .when(hide(QUESTION, "q1", "Personal details", SAM))
                .expectEvents(new ItemHidden("q1", "question", null, "councils", "Personal details", "sam", LATER));
    }

    @Test
    void onlyFacilitatorsAndAdministratorsHide() {
        questions
                .given(asked("open"))
                .when(hide(QUESTION, "q1", "Personal details", TOM))
                .expectNoEvents()
                .expectExceptionMessage("Only a facilitator of this group or an administrator can hide this question");
    }

    @Test
    void hidingNeedsAReason() {
        questions
                .given(asked("open"))
                .when(hide(QUESTION, "q1", "", AMARA))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a reason");
    }

    @Test
    void cannotHideAHiddenItemNorReportIt() {
        ItemHidden hidden = new ItemHidden("q1", "question", null, "open", "Personal details", "amara", LATER);
        questions
                .given(asked("open"), hidden)
                .when(hide(QUESTION, "q1", "Again", AMARA))
                .expectNoEvents()
                .expectExceptionMessage("This question is already hidden");
        questions
                .given(asked("open"), hidden)
                .when(report(QUESTION, "q1", "r2", "Still there", PRIYA))
                .expectNoEvents()
                .expectExceptionMessage("A facilitator has already hidden this question");
    }

    @Test
    void aFacilitatorRestoresAHiddenItemWithAReason() {
        questions
                .given(asked("open"), new ItemHidden("q1", "question", null, "open", "Personal details", "amara", AT))
                .when(restore(QUESTION, "q1", "Edited by the asker", SAM))
                .expectEvents(new ItemRestored("q1", "question", null, "open", "Edited by the asker", "sam", LATER));
    }

    @Test
    void restoringRules() {
        questions
                .given(asked("open"))
                .when(restore(QUESTION, "q1", "Fine", AMARA))
                .expectNoEvents()
                .expectExceptionMessage("This question is not hidden, so there is nothing to restore");
        questions
                .given(asked("open"), new ItemHidden("q1", "question", null, "open", "Personal details", "amara", AT))
                .when(restore(QUESTION, "q1", "Fine", PRIYA))
                .expectNoEvents()
                .expectExceptionMessage(
                        "Only a facilitator of this group or an administrator can restore this question");
        questions
                .given(asked("open"), new ItemHidden("q1", "question", null, "open", "Personal details", "amara", AT))
                .when(restore(QUESTION, "q1", " ", AMARA))
                .expectExceptionMessage("Enter a reason");
    }

    private static CommandMessage<ModerationCommand> dismiss(ModeratedKind kind, String id, String reason, Actor by) {
        return new ModerationCommand.Dismiss(kind, id, reason, by, LATER).message();
    }

    @Test
    void aFacilitatorDismissesTheOpenReportsAndTheItemStaysShown() {
        org.collaborative.events.moderation.ReportsDismissed dismissed =
                new org.collaborative.events.moderation.ReportsDismissed(
                        "q1", "question", null, "open", "A fair question", "amara", LATER);
        questions
                .given(asked("open"), reported("open", "r1", PRIYA), reported("open", "r2", BEN))
                .when(dismiss(QUESTION, "q1", " A fair question ", AMARA))
                .expectEvents(dismissed);
        // Once dismissed, there is nothing open to dismiss; a new report can be dismissed in its turn.
        questions
                .given(asked("open"), reported("open", "r1", PRIYA), dismissed)
                .when(dismiss(QUESTION, "q1", "Again", AMARA))
                .expectNoEvents()
                .expectExceptionMessage("This question has no open reports to dismiss");
        questions
                .given(asked("open"), reported("open", "r1", PRIYA), dismissed, reported("open", "r2", BEN))
                .when(dismiss(QUESTION, "q1", "A fair question", AMARA))
                .expectEvents(dismissed);
        // Hiding the item closes its reports too.
        questions
                .given(
                        asked("open"),
                        reported("open", "r1", PRIYA),
                        new ItemHidden("q1", "question", null, "open", "Personal details", "amara", AT))
                .when(dismiss(QUESTION, "q1", "Fine", AMARA))
                .expectExceptionMessage("This question has no open reports to dismiss");
    }

    @Test
    void onlyFacilitatorsAndAdministratorsDismissAndAlwaysWithAReason() {
        questions
                .given(asked("open"), reported("open", "r1", PRIYA))
                .when(dismiss(QUESTION, "q1", "Fine", TOM))
                .expectNoEvents()
                .expectExceptionMessage(
                        "Only a facilitator of this group or an administrator can dismiss the reports of this question");
        questions
                .given(asked("open"), reported("open", "r1", PRIYA))
                .when(dismiss(QUESTION, "q1", " ", AMARA))
                .expectNoEvents()
                .expectExceptionMessage("Enter a reason");
        questions
                .given(asked("open"), reported("open", "r1", PRIYA))
                .when(dismiss(QUESTION, "q1", "Fine", SAM))
                .expectEvents(new org.collaborative.events.moderation.ReportsDismissed(
                        "q1", "question", null, "open", "Fine", "sam", LATER));
    }

    @Test
    void aRestoredItemCanBeHiddenAgain() {
        questions
                .given(
                        asked("open"),
                        new ItemHidden("q1", "question", null, "open", "Personal details", "amara", AT),
                        new ItemRestored("q1", "question", null, "open", "Edited", "amara", AT))
                .when(hide(QUESTION, "q1", "Personal details again", AMARA))
                .expectEvents(new ItemHidden("q1", "question", null, "open", "Personal details again", "amara", LATER));
    }

    @Test
    void evidenceIsModeratedOnItsOwnAggregate() {
        AggregateTestFixture<Evidence> evidence = new AggregateTestFixture<>(Evidence.class);
        evidence.registerInjectableResource(GROUPS);
        EvidenceSubmitted submitted = new EvidenceSubmitted(
                "e1",
                "open",
                THEME,
                "Telecare pilot",
                "",
                "Report",
                EvidenceKind.EVALUATION,
                2,
                "tom",
                "E09000007",
                AT);
        evidence.given(submitted)
                .when(report(EVIDENCE, "e1", "r1", "Misleading", BEN))
                .expectEvents(new ItemReported(
                        "e1", "evidence", null, "open", "r1", "Misleading", "ben", "partner-bt", LATER));
        evidence.given(submitted)
                .when(hide(EVIDENCE, "e1", "Misleading", AMARA))
                .expectEvents(new ItemHidden("e1", "evidence", null, "open", "Misleading", "amara", LATER));
    }

    @Test
    void proposalsAreModeratedOnTheirOwnAggregate() {
        AggregateTestFixture<Proposal> proposals = new AggregateTestFixture<>(Proposal.class);
        proposals.registerInjectableResource(GROUPS);
        ProposalDrafted drafted = new ProposalDrafted(
                "p1", "open", THEME, "Share a contract", "Summary", ProposalForm.values()[0], "tom", "E09000007", AT);
        proposals
                .given(drafted, new ItemHidden("p1", "proposal", null, "open", "Spam", "amara", AT))
                .when(restore(PROPOSAL, "p1", "Not spam", AMARA))
                .expectEvents(new ItemRestored("p1", "proposal", null, "open", "Not spam", "amara", LATER));
        proposals
                .given(drafted)
                .when(hide(PROPOSAL, "p1", "Spam", PRIYA))
                .expectExceptionMessage("Only a facilitator of this group or an administrator can hide this proposal");
    }

    @Test
    void commentsNameTheItemTheyAreOn() {
        AggregateTestFixture<Comment> comments = new AggregateTestFixture<>(Comment.class);
        comments.registerInjectableResource(GROUPS);
        CommentPosted posted =
                new CommentPosted("c1", "p1", "proposal", "councils", "Count us in", "tom", "E09000007", AT);
        comments.given(posted)
                .when(report(COMMENT, "c1", "r1", "Rude", PRIYA))
                .expectEvents(
                        new ItemReported("c1", "comment", "p1", "councils", "r1", "Rude", "priya", "E09000012", LATER));
        comments.given(posted)
                .when(hide(COMMENT, "c1", "Rude", AMARA))
                .expectEvents(new ItemHidden("c1", "comment", "p1", "councils", "Rude", "amara", LATER));
        comments.given(posted)
                .when(report(COMMENT, "c1", "r1", "Rude", BEN))
                .expectExceptionMessage("There is no such comment to report");
    }

    @Test
    void eachKindSendsItsCommandsUnderItsOwnName() {
        ModerationCommand hide = new ModerationCommand.Hide(COMMENT, "c1", "Rude", AMARA, AT);
        assertThat(hide.message().getCommandName()).isEqualTo(ModeratedKind.CommandNames.COMMENT);
        assertThat(hide.message().getPayload()).isEqualTo(hide);
        assertThat(Arrays.stream(ModeratedKind.values())
                        .map(ModeratedKind::commandName)
                        .distinct())
                .hasSize(ModeratedKind.values().length);
    }
}
