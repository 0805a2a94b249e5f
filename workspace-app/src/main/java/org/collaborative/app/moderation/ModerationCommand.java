package org.collaborative.app.moderation;

import java.time.Instant;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/**
 * Reporting, hiding, restoring an item, a comment or an answer, and dismissing its reports. The same four commands serve
 * every kind; send them as {@link #message()}, which names them after their kind so that Axon routes them to that kind's
 * aggregate. Each item aggregate takes them in one {@code @CommandHandler(commandName = …)} and hands them to its
 * {@link ItemModeration}. For an answer, {@code itemId} is the answer's id and the command goes to its question inside
 * an {@link AnswerModeration}.
 */
public sealed interface ModerationCommand {

    ModeratedKind kind();

    String itemId();

    String reason();

    Actor actor();

    Instant at();

    /**
     * The command as it is sent: under its kind's command name ({@link ModeratedKind#commandName()}). An answer is part
     * of its question's aggregate, so its moderation is sent as {@link AnswerModeration#message()} instead.
     */
    default CommandMessage<ModerationCommand> message() {
        if (kind() == ModeratedKind.ANSWER) {
            throw new IllegalStateException("An answer's moderation is sent to its question, as AnswerModeration");
        }
        return new GenericCommandMessage<>(new GenericMessage<>(this), kind().commandName());
    }

    /** A member who can see the item reports it; {@code reportId} is minted with the form. */
    record Report(
            ModeratedKind kind,
            @TargetAggregateIdentifier String itemId,
            String reportId,
            String reason,
            Actor actor,
            Instant at)
            implements ModerationCommand {}

    /** A facilitator of the item's group, or an administrator, hides it. */
    record Hide(
            ModeratedKind kind, @TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements ModerationCommand {}

    /** A facilitator of the item's group, or an administrator, restores it. */
    record Restore(
            ModeratedKind kind, @TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements ModerationCommand {}

    /** A facilitator of the item's group, or an administrator, closes its open reports and leaves it shown. */
    record Dismiss(
            ModeratedKind kind, @TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements ModerationCommand {}
}
