package org.collaborative.app.moderation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.app.Actor;

/**
 * Reporting, hiding and restoring an item. Axon routes a command by its class to one aggregate type, so each kind of
 * item has its own three commands; {@link #report}, {@link #hide} and {@link #restore} pick the right one.
 */
public sealed interface ModerationCommand {

    String itemId();

    String reason();

    Actor actor();

    Instant at();

    /** A member who can see the item reports it; {@code reportId} is minted with the form. */
    sealed interface Report extends ModerationCommand {
        String reportId();
    }

    /** A facilitator of the item's group, or an administrator, hides it. */
    sealed interface Hide extends ModerationCommand {}

    /** A facilitator of the item's group, or an administrator, restores it. */
    sealed interface Restore extends ModerationCommand {}

    record ReportQuestion(@TargetAggregateIdentifier String itemId, String reportId, String reason, Actor actor,
            Instant at) implements Report {}

    record ReportEvidence(@TargetAggregateIdentifier String itemId, String reportId, String reason, Actor actor,
            Instant at) implements Report {}

    record ReportProposal(@TargetAggregateIdentifier String itemId, String reportId, String reason, Actor actor,
            Instant at) implements Report {}

    record ReportComment(@TargetAggregateIdentifier String itemId, String reportId, String reason, Actor actor,
            Instant at) implements Report {}

    record HideQuestion(@TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements Hide {}

    record HideEvidence(@TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements Hide {}

    record HideProposal(@TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements Hide {}

    record HideComment(@TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements Hide {}

    record RestoreQuestion(@TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements Restore {}

    record RestoreEvidence(@TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements Restore {}

    record RestoreProposal(@TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements Restore {}

    record RestoreComment(@TargetAggregateIdentifier String itemId, String reason, Actor actor, Instant at)
            implements Restore {}

    /** @param itemType {@code question}, {@code evidence}, {@code proposal} or {@code comment} */
    static Report report(String itemType, String itemId, String reportId, String reason, Actor actor, Instant at) {
        return switch (itemType) {
            case "question" -> new ReportQuestion(itemId, reportId, reason, actor, at);
            case "evidence" -> new ReportEvidence(itemId, reportId, reason, actor, at);
            case "proposal" -> new ReportProposal(itemId, reportId, reason, actor, at);
            case "comment" -> new ReportComment(itemId, reportId, reason, actor, at);
            default -> throw new IllegalArgumentException("No item type " + itemType);
        };
    }

    static Hide hide(String itemType, String itemId, String reason, Actor actor, Instant at) {
        return switch (itemType) {
            case "question" -> new HideQuestion(itemId, reason, actor, at);
            case "evidence" -> new HideEvidence(itemId, reason, actor, at);
            case "proposal" -> new HideProposal(itemId, reason, actor, at);
            case "comment" -> new HideComment(itemId, reason, actor, at);
            default -> throw new IllegalArgumentException("No item type " + itemType);
        };
    }

    static Restore restore(String itemType, String itemId, String reason, Actor actor, Instant at) {
        return switch (itemType) {
            case "question" -> new RestoreQuestion(itemId, reason, actor, at);
            case "evidence" -> new RestoreEvidence(itemId, reason, actor, at);
            case "proposal" -> new RestoreProposal(itemId, reason, actor, at);
            case "comment" -> new RestoreComment(itemId, reason, actor, at);
            default -> throw new IllegalArgumentException("No item type " + itemType);
        };
    }
}
