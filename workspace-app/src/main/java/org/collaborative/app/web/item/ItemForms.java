package org.collaborative.app.web.item;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.collaborative.app.comment.Comment;
import org.collaborative.app.evidence.Evidence;
import org.collaborative.app.infrastructure.web.Forms;
import org.collaborative.app.proposal.Proposal;
import org.collaborative.app.question.Question;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.proposal.ProposalOutcome;
import org.collaborative.views.item.ItemView;

/**
 * The forms on an item's page, each a record checked with Bean Validation before its command is sent (docs/adr/0005),
 * with the limits of the aggregate it goes to. The page shows a blank one of each, with its id minted then
 * ({@link ItemPage#render}); a form that was refused comes back as it was typed.
 */
final class ItemForms {

    /** A challenge goes to evidence or to a proposal: the shorter of their limits. */
    static final int MAX_CHALLENGE_REASON =
            Evidence.MAX_REASON < Proposal.MAX_REASON ? Evidence.MAX_REASON : Proposal.MAX_REASON;

    private ItemForms() {}

    record AnswerForm(
            String answerId,

            @NotBlank(message = "Enter your answer")
            @Size(
                    max = Question.MAX_BODY,
                    message = "Your answer must be ${formatter.format('%,d', max)} characters or fewer")
            String answer) {

        static AnswerForm blank() {
            return new AnswerForm(Forms.newId(), "");
        }
    }

    record CommentForm(
            String commentId,

            @NotBlank(message = "Enter your comment")
            @Size(
                    max = Comment.MAX_BODY,
                    message = "Your comment must be ${formatter.format('%,d', max)} characters or fewer")
            String comment) {

        static CommentForm blank() {
            return new CommentForm(Forms.newId(), "");
        }
    }

    record ChallengeForm(
            String challengeId,

            @NotBlank(message = "Enter why you challenge it")
            @Size(
                    max = MAX_CHALLENGE_REASON,
                    message = "Your reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {

        static ChallengeForm blank() {
            return new ChallengeForm(Forms.newId(), "");
        }
    }

    /** Revising evidence: its fields have ids starting "revise-" on the page. */
    record RevisionForm(
            @NotBlank(message = "Enter what the evidence shows")
            @Size(
                    max = Evidence.MAX_TITLE,
                    message = "What it shows must be ${formatter.format('%,d', max)} characters or fewer")
            String title,

            @Size(
                    max = Evidence.MAX_SUMMARY,
                    message = "The summary must be ${formatter.format('%,d', max)} characters or fewer")
            String summary,

            @NotBlank(message = "Enter the source of the evidence")
            @Size(
                    max = Evidence.MAX_SOURCE,
                    message = "The source must be ${formatter.format('%,d', max)} characters or fewer")
            String source,

            @NotNull(message = "Choose the kind of evidence")
            EvidenceKind kind,

            @NotNull(message = "Choose how strong the evidence is")
            @Min(value = Evidence.LOWEST_LEVEL, message = "Choose how strong the evidence is")
            @Max(value = Evidence.HIGHEST_LEVEL, message = "Choose how strong the evidence is")
            Integer level) {

        static final String ID_PREFIX = "revise-";

        /** The evidence as it stands, to start a revision from. */
        static RevisionForm of(ItemView evidence) {
            var current = evidence.current();
            return current == null
                    ? new RevisionForm(evidence.title(), evidence.body(), "", null, evidence.level())
                    : new RevisionForm(
                            current.title(),
                            current.summary(),
                            current.source(),
                            current.kind() == null ? null : EvidenceKind.valueOf(current.kind()),
                            current.level());
        }
    }

    /** A facilitator's decision on an endorsed proposal: whether it is taken forward, and why. */
    record DecisionForm(
            @NotNull(message = "Choose whether the proposal is taken forward")
            ProposalOutcome outcome,

            @NotBlank(message = "Enter the rationale for the decision")
            @Size(
                    max = Proposal.MAX_REASON,
                    message = "The rationale must be ${formatter.format('%,d', max)} characters or fewer")
            String note) {

        static DecisionForm blank() {
            return new DecisionForm(null, "");
        }
    }

    /** Withdrawing a proposal: its field has the id "withdraw-reason" on the page. */
    record WithdrawalForm(
            @NotBlank(message = "Enter why you are withdrawing the proposal")
            @Size(
                    max = Proposal.MAX_REASON,
                    message = "Your reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {

        static final String ID_PREFIX = "withdraw-";

        static WithdrawalForm blank() {
            return new WithdrawalForm("");
        }
    }

    /** Linking a piece of evidence from the proposal's theme. */
    record LinkForm(
            @NotBlank(message = "Choose a piece of evidence")
            String evidenceId) {

        static LinkForm blank() {
            return new LinkForm("");
        }
    }
}
