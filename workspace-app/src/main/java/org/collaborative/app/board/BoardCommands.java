package org.collaborative.app.board;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.collaborative.events.board.CardKind;

/** The commands of a session's live board (id = the session's id). {@code by} is always the member giving it. */
public final class BoardCommands {

    private BoardCommands() {}

    /** The session's facilitator opens its board (the retreat is found from the session). */
    public record OpenBoard(@TargetAggregateIdentifier String sessionId, String by, Instant at) {}

    public record PostCard(
            @TargetAggregateIdentifier String sessionId,
            String cardId,
            CardKind kind,
            String text,
            String by,
            Instant at) {}

    public record FormCluster(
            @TargetAggregateIdentifier String sessionId, String clusterId, String name, String by, Instant at) {}

    public record RenameCluster(
            @TargetAggregateIdentifier String sessionId, String clusterId, String name, String by, Instant at) {}

    /** @param clusterId the cluster, or null to take the card out of every cluster */
    public record PlaceCard(
            @TargetAggregateIdentifier String sessionId, String cardId, String clusterId, String by, Instant at) {}

    public record OpenVoting(@TargetAggregateIdentifier String sessionId, int dotsPerPerson, String by, Instant at) {}

    public record PlaceDot(@TargetAggregateIdentifier String sessionId, String cardId, String by, Instant at) {}

    public record TakeBackDot(@TargetAggregateIdentifier String sessionId, String cardId, String by, Instant at) {}

    public record CloseVoting(@TargetAggregateIdentifier String sessionId, String by, Instant at) {}

    public record RevealResults(@TargetAggregateIdentifier String sessionId, String by, Instant at) {}

    public record CloseBoard(@TargetAggregateIdentifier String sessionId, String by, Instant at) {}
}
