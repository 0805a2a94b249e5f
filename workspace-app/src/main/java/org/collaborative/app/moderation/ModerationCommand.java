package org.collaborative.app.moderation;

import java.time.Instant;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.kernel.Actor;

/**
 * Reporting, hiding, restoring an item or a comment, and dismissing its reports. The same four commands serve every kind; send them as
 * {@link #message()}, which names them after their kind so that Axon routes them to that kind's aggregate. Each item
 * aggregate takes them in one {@code @CommandHandler(commandName = …)} and hands them to its {@link ItemModeration}.
 */
public sealed interface ModerationCommand {

    ModeratedKind kind();

    String itemId();

    String reason();

    Actor actor();

    Instant at();

    /** The command as it is sent: under its kind's command name ({@link ModeratedKind#commandName()}). */
    default CommandMessage<ModerationCommand> message() {
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
