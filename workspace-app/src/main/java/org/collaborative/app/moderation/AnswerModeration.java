package org.collaborative.app.moderation;

import java.util.Objects;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A {@link ModerationCommand} about one answer ({@link ModeratedKind#ANSWER}, its {@code itemId} the answer's id), sent
 * to the question the answer belongs to: an answer is part of its question's aggregate, which holds an
 * {@link ItemModeration} for each of its answers and takes this in one
 * {@code @CommandHandler(commandName = ModeratedKind.CommandNames.ANSWER)}.
 */
public record AnswerModeration(@TargetAggregateIdentifier String questionId, ModerationCommand command) {

    public AnswerModeration {
        Objects.requireNonNull(questionId, "questionId");
        if (command.kind() != ModeratedKind.ANSWER) {
            throw new IllegalArgumentException("Not about an answer: " + command.kind());
        }
    }

    /** The answer's id. */
    public String answerId() {
        return command.itemId();
    }

    /** The command as it is sent: under {@link ModeratedKind.CommandNames#ANSWER}. */
    public CommandMessage<AnswerModeration> message() {
        return new GenericCommandMessage<>(new GenericMessage<>(this), ModeratedKind.ANSWER.commandName());
    }
}
