package org.collaborative.app.question;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.infrastructure.eventstore.AggregateSnapshots;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.AnswerModeration;
import org.collaborative.app.moderation.ItemModeration;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerReported;
import org.collaborative.events.moderation.AnswerReportsDismissed;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.question.AnswerAccepted;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionClosed;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.events.question.QuestionReopened;

/**
 * A question put to a working group: members answer it; the asker or a facilitator accepts an answer, closes it
 * (no more answers) and reopens it. While a facilitator has it hidden ({@link ItemModeration}) it takes no answers, no
 * accepted answer and is not reopened; it can still be closed. Each answer is moderated on its own
 * ({@link AnswerModeration}): a hidden answer cannot be accepted, and the question and its other answers carry on.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class Question {

    public static final int MAX_TITLE = 150;
    public static final int MAX_BODY = 10_000;

    @AggregateIdentifier
    private String questionId;

    private String groupId;
    private String askedBy;
    private boolean closed;
    private String acceptedAnswerId;
    /** Each answer's moderation, by answer id (which also says which answers exist). */
    private final Map<String, ItemModeration> answers = new HashMap<>();

    @AggregateMember
    private final ItemModeration moderation = new ItemModeration(ModeratedKind.QUESTION);

    protected Question() {}

    @CommandHandler
    public Question(PostQuestion command, GroupDirectory groups) {
        DomainRules.requireText("question", command.title(), MAX_TITLE);
        DomainRules.optionalText("details", command.body(), MAX_BODY);
        GroupDirectory.Entry group = GroupRules.requireGroup(groups, command.groupId());
        GroupRules.requireMember(groups, group.groupId(), command.askedBy(), "post a question to it");
        apply(new QuestionPosted(
                command.questionId(),
                group.groupId(),
                group.themeId(),
                command.title().strip(),
                command.body() == null ? "" : command.body().strip(),
                command.askedBy(),
                command.askedByOrganisationId(),
                command.at()));
    }

    /** The same answer id twice (a resubmitted form) records it once. */
    @CommandHandler
    void handle(AnswerQuestion command, GroupDirectory groups) {
        if (answers.containsKey(command.answerId())) {
            return;
        }
        DomainRules.requireText("answer", command.body(), MAX_BODY);
        if (closed) {
            throw new QuestionClosedException();
        }
        moderation.requireShown("it cannot be answered");
        GroupRules.requireMember(groups, groupId, command.actor().memberId(), "answer its questions");
        apply(new QuestionAnswered(
                questionId,
                command.answerId(),
                groupId,
                command.body().strip(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.at()));
    }

    @CommandHandler
    void handle(AcceptAnswer command, GroupDirectory groups) {
        requireAskerOrFacilitator(command.actor(), groups, "accept an answer");
        moderation.requireShown("no answer can be accepted");
        ItemModeration answer = requireAnswer(command.answerId());
        if (command.answerId().equals(acceptedAnswerId)) {
            return;
        }
        answer.requireShown("it cannot be accepted");
        apply(new AnswerAccepted(questionId, command.answerId(), command.actor().memberId(), command.at()));
    }

    @CommandHandler
    void handle(CloseQuestion command, GroupDirectory groups) {
        requireAskerOrFacilitator(command.actor(), groups, "close it");
        if (!closed) {
            apply(new QuestionClosed(questionId, command.actor().memberId(), command.at()));
        }
    }

    @CommandHandler
    void handle(ReopenQuestion command, GroupDirectory groups) {
        requireAskerOrFacilitator(command.actor(), groups, "reopen it");
        if (closed) {
            moderation.requireShown("it cannot be reopened");
            apply(new QuestionReopened(questionId, command.actor().memberId(), command.at()));
        }
    }

    private void requireAskerOrFacilitator(
            org.collaborative.app.kernel.Actor actor, GroupDirectory groups, String doing) {
        if (!actor.memberId().equals(askedBy) && !GroupRules.facilitates(groups, groupId, actor)) {
            throw new RuleBrokenException("Only the person who asked the question or a facilitator can " + doing);
        }
    }

    @EventSourcingHandler
    void on(QuestionPosted event) {
        questionId = event.questionId();
        groupId = event.groupId();
        askedBy = event.askedBy();
    }

    @EventSourcingHandler
    void on(QuestionAnswered event) {
        answers.put(event.answerId(), ItemModeration.ofAnswer(event.answeredBy()));
    }

    @EventSourcingHandler
    void on(AnswerAccepted event) {
        acceptedAnswerId = event.answerId();
    }

    @EventSourcingHandler
    void on(QuestionClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(QuestionReopened event) {
        closed = false;
    }

    @CommandHandler(commandName = ModeratedKind.CommandNames.QUESTION)
    void handle(ModerationCommand command, GroupDirectory groups) {
        moderation.handle(command, questionId, null, groupId, groups);
    }

    /**
     * Reporting, hiding, restoring one answer, or dismissing its reports. While the question itself is hidden its
     * answers cannot be reported (nobody but its moderators sees them); its moderators may still hide and restore them.
     */
    @CommandHandler(commandName = ModeratedKind.CommandNames.ANSWER)
    void handle(AnswerModeration command, GroupDirectory groups) {
        ItemModeration answer = requireAnswer(command.answerId());
        if (command.command() instanceof ModerationCommand.Report) {
            moderation.requireShown("its answers cannot be reported");
        }
        answer.handle(command.command(), command.answerId(), questionId, groupId, groups);
    }

    private ItemModeration requireAnswer(String answerId) {
        ItemModeration answer = answers.get(answerId);
        if (answer == null) {
            throw new RuleBrokenException("There is no such answer to this question");
        }
        return answer;
    }

    @EventSourcingHandler
    void on(AnswerReported event) {
        answers.get(event.answerId()).reported(event.reportId());
    }

    @EventSourcingHandler
    void on(AnswerHidden event) {
        answers.get(event.answerId()).hid();
    }

    @EventSourcingHandler
    void on(AnswerReportsDismissed event) {
        answers.get(event.answerId()).dismissed();
    }

    @EventSourcingHandler
    void on(AnswerRestored event) {
        answers.get(event.answerId()).restored();
    }

    public static class QuestionClosedException extends RuleBrokenException {
        public QuestionClosedException() {
            super("This question is closed, so it takes no more answers");
        }
    }
}
