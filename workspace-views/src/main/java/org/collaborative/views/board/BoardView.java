package org.collaborative.views.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A retreat session's live board ({@code board} collection, id = the session's id): its clusters, its cards (oldest
 * first, each with the cluster it is in), the state of the vote and every dot by member id. The view holds every
 * dot from the start; the workspace shows each person only their own until the results are revealed
 * (docs/adr/0021-live-boards.md), so the secrecy is in the reading, and revealing needs no rebuild.
 *
 * @param voting {@code NOT_OPEN}, {@code OPEN} or {@code CLOSED}
 * @param dotsPerPerson the dots each person has once voting opened (0 before)
 * @param dots one entry per (card, member) with at least one dot
 */
public record BoardView(
        @Id String id,
        String retreatId,
        String openedBy,
        Instant openedAt,
        boolean closed,
        List<Cluster> clusters,
        List<Card> cards,
        String voting,
        int dotsPerPerson,
        boolean revealed,
        List<Dots> dots,
        List<Draft> drafts,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<BoardView> {

    public static final String COLLECTION = "board";

    public static final String NOT_OPEN = "NOT_OPEN";
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public BoardView {
        clusters = clusters == null ? List.of() : clusters;
        cards = cards == null ? List.of() : cards;
        dots = dots == null ? List.of() : dots;
        drafts = drafts == null ? List.of() : drafts;
        voting = voting == null ? NOT_OPEN : voting;
        applied = applied == null ? Map.of() : applied;
    }

    public record Cluster(String clusterId, String name, Instant formedAt) {}

    /** @param kind {@code IDEA} or {@code QUESTION}; @param clusterId null while unclustered */
    public record Card(String cardId, String authorId, String kind, String text, Instant postedAt, String clusterId) {}

    public record Dots(String cardId, String memberId, int count) {}

    /**
     * A draft proposal a facilitator made from a cluster or a card of this board (docs/adr/0021-live-boards.md).
     *
     * @param partId the cluster's or the card's id
     */
    public record Draft(String partId, String proposalId, String groupId, Instant at) {}

    public static BoardView empty(String sessionId) {
        return new BoardView(
                sessionId, null, null, null, false, List.of(), List.of(), NOT_OPEN, 0, false, List.of(), List.of(),
                Map.of(), null);
    }

    public BoardView opened(String retreatId, String openedBy, Instant openedAt) {
        return with("retreatId", retreatId, "openedBy", openedBy, "openedAt", openedAt);
    }

    public BoardView asClosed() {
        return with("closed", true);
    }

    public BoardView withCards(List<Card> cards) {
        return with("cards", cards);
    }

    public BoardView withClusters(List<Cluster> clusters) {
        return with("clusters", clusters);
    }

    /** @param voting {@link #NOT_OPEN}, {@link #OPEN} or {@link #CLOSED} */
    public BoardView withVoting(String voting, int dotsPerPerson, boolean revealed) {
        return with("voting", voting, "dotsPerPerson", dotsPerPerson, "revealed", revealed);
    }

    public BoardView withDots(List<Dots> dots) {
        return with("dots", dots);
    }

    public BoardView withDrafts(List<Draft> drafts) {
        return with("drafts", drafts);
    }

    /** Whether the board's own first event has arrived (cards from other partitions never come first: one stream). */
    public boolean isOpened() {
        return retreatId != null;
    }

    public boolean votingOpen() {
        return OPEN.equals(voting);
    }

    public boolean votingClosed() {
        return CLOSED.equals(voting);
    }

    public boolean hasCard(String cardId) {
        return cards.stream().anyMatch(card -> card.cardId().equals(cardId));
    }

    public boolean hasCluster(String clusterId) {
        return clusters.stream().anyMatch(cluster -> cluster.clusterId().equals(clusterId));
    }

    /** The cards in a cluster (null: the unclustered ones), oldest first. */
    public List<Card> cardsIn(String clusterId) {
        return cards.stream()
                .filter(card -> Objects.equals(card.clusterId(), clusterId))
                .toList();
    }

    /** The draft proposal made from this cluster or card, if one was. */
    public java.util.Optional<Draft> draftFrom(String partId) {
        return drafts.stream().filter(d -> d.partId().equals(partId)).findFirst();
    }

    /** Everyone's dots on a card: for the facilitator, and for everyone once revealed. */
    public int dotsOn(String cardId) {
        return dots.stream()
                .filter(d -> d.cardId().equals(cardId))
                .mapToInt(Dots::count)
                .sum();
    }

    /** One person's dots on a card. */
    public int dotsOf(String memberId, String cardId) {
        return dots.stream()
                .filter(d -> d.cardId().equals(cardId) && d.memberId().equals(memberId))
                .mapToInt(Dots::count)
                .sum();
    }

    /** How many of their dots a person has placed. */
    public int dotsUsedBy(String memberId) {
        return dots.stream()
                .filter(d -> d.memberId().equals(memberId))
                .mapToInt(Dots::count)
                .sum();
    }

    /** The number of people who have placed at least one dot. */
    public long voters() {
        return dots.stream().map(Dots::memberId).distinct().count();
    }
}
