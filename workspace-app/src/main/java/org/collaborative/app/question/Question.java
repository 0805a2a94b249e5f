package org.collaborative.app.question;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.DomainRules;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.events.question.QuestionPosted;

/** A question put to a working group. */
@Aggregate
public class Question {

    public static final int MAX_TITLE = 150;
    public static final int MAX_BODY = 10_000;

    @AggregateIdentifier
    private String questionId;

    protected Question() {}

    @CommandHandler
    public Question(PostQuestion command, GroupDirectory groups) {
        DomainRules.requireText("question", command.title(), MAX_TITLE);
        DomainRules.optionalText("details", command.body(), MAX_BODY);
        GroupDirectory.Entry group =
                groups.find(command.groupId()).orElseThrow(() -> new UnknownGroupException(command.groupId()));
        if (!groups.isMember(group.groupId(), command.askedBy())) {
            throw new NotAGroupMemberException();
        }
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

    @EventSourcingHandler
    void on(QuestionPosted event) {
        questionId = event.questionId();
    }

    public static class UnknownGroupException extends RuleBrokenException {
        public UnknownGroupException(String groupId) {
            super("There is no working group with the id " + groupId);
        }
    }

    public static class NotAGroupMemberException extends RuleBrokenException {
        public NotAGroupMemberException() {
            super("Join this group before you post a question to it");
        }
    }
}
