package org.collaborative.app.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.collaborative.views.board.BoardView;
import org.collaborative.views.board.BoardView.Card;
import org.collaborative.views.board.BoardView.Cluster;

/**
 * A board as one person sees it. The vote is secret until the facilitator reveals it: before then each person sees
 * only their own dots, and the facilitator how many people have voted; nobody sees a card's total
 * (docs/adr/0021-live-boards.md).
 *
 * @param board the board's view, or null while the facilitator has not opened it
 */
public record BoardScreen(
        String retreatId,
        String sessionId,
        String memberId,
        boolean facilitator,
        boolean participant,
        BoardView board) {

    public boolean opened() {
        return board != null;
    }

    public boolean closed() {
        return board != null && board.closed();
    }

    public String base() {
        return "/retreats/" + retreatId + "/sessions/" + sessionId + "/board";
    }

    public boolean canPost() {
        return participant && opened() && !board.closed();
    }

    public boolean canVote() {
        return participant && opened() && !board.closed() && board.votingOpen();
    }

    public boolean canCluster() {
        return facilitator && opened() && !board.closed();
    }

    /** The draft proposal made from this cluster or card, or null. */
    public BoardView.Draft draftFrom(String partId) {
        return board == null ? null : board.draftFrom(partId).orElse(null);
    }

    /** A facilitator may turn a cluster or card into a draft proposal, and agree actions, also once it is closed. */
    public boolean canDraft() {
        return facilitator && opened();
    }

    public List<Cluster> clusters() {
        return board == null ? List.of() : board.clusters();
    }

    public List<Card> cards() {
        return board == null ? List.of() : board.cards();
    }

    public List<Card> unclustered() {
        return board == null ? List.of() : board.cardsIn(null);
    }

    public List<Card> cardsIn(String clusterId) {
        return board == null ? List.of() : board.cardsIn(clusterId);
    }

    public String clusterName(String clusterId) {
        return clusters().stream()
                .filter(c -> c.clusterId().equals(clusterId))
                .map(Cluster::name)
                .findFirst()
                .orElse("Not in a cluster");
    }

    /** Everyone's dots on the card, only once revealed. */
    public boolean countsShown() {
        return board != null && board.revealed();
    }

    public int dotsOn(String cardId) {
        if (!countsShown()) {
            throw new IllegalStateException("The vote has not been revealed");
        }
        return board.dotsOn(cardId);
    }

    public int myDotsOn(String cardId) {
        return board == null ? 0 : board.dotsOf(memberId, cardId);
    }

    public int dotsLeft() {
        return board == null ? 0 : Math.max(0, board.dotsPerPerson() - board.dotsUsedBy(memberId));
    }

    public String voting() {
        return board == null ? BoardView.NOT_OPEN : board.voting();
    }

    /** The cards with the most dots first (ties: oldest first), once revealed. */
    public List<Card> ranked() {
        if (!countsShown()) {
            return List.of();
        }
        List<Card> cards = new ArrayList<>(board.cards());
        cards.sort(Comparator.comparingInt((Card c) -> board.dotsOn(c.cardId())).reversed());
        return cards;
    }

    /** A fingerprint of the clusters and where each card is: changes when cards move or clusters are renamed. */
    public String layout() {
        int hash = Objects.hash(
                cards().stream().map(c -> c.cardId() + ":" + c.clusterId()).toList(),
                clusters().stream().map(c -> c.clusterId() + ":" + c.name()).toList());
        return Integer.toHexString(hash);
    }

    /** What the page shows now, sent back by the page when it refreshes, so the refresh can say what changed. */
    public Map<String, Object> seen() {
        return Map.of(
                "seenOpened", opened(),
                "seenCards", cards().size(),
                "seenLayout", layout(),
                "seenVoting", voting(),
                "seenRevealed", countsShown(),
                "seenClosed", closed(),
                "seenMine", board == null ? 0 : board.dotsUsedBy(memberId),
                "seenVoters", board == null ? 0 : board.voters());
    }

    /** {@link #seen} as the JSON of the content's {@code hx-vals}: numbers, booleans and plain words only. */
    public String seenJson() {
        StringBuilder json = new StringBuilder("{");
        seen().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (json.length() > 1) {
                json.append(',');
            }
            Object value = entry.getValue();
            json.append('"').append(entry.getKey()).append("\":");
            json.append(value instanceof String text ? "\"" + text.replaceAll("[^A-Za-z0-9_-]", "") + "\"" : value);
        });
        return json.append('}').toString();
    }

    /**
     * What changed since the page showed {@code seen} (the {@link #seen} of an earlier screen), in words for the
     * polite live region; empty when nothing worth saying changed.
     */
    public String changesSince(Map<String, String> seen) {
        List<String> said = new ArrayList<>();
        if (!"true".equals(seen.get("seenOpened")) && opened()) {
            said.add("The board is open.");
        }
        int cardsBefore = parse(seen.get("seenCards"), cards().size());
        int newCards = cards().size() - cardsBefore;
        if (newCards == 1) {
            said.add("1 new card.");
        } else if (newCards > 1) {
            said.add(newCards + " new cards.");
        }
        if (seen.containsKey("seenLayout") && !layout().equals(seen.get("seenLayout"))) {
            said.add("Clusters have changed.");
        }
        if (!voting().equals(seen.getOrDefault("seenVoting", voting()))) {
            said.add(
                    switch (voting()) {
                        case BoardView.OPEN -> "Voting is open: you have " + dotsLeft() + " dots.";
                        case BoardView.CLOSED -> "Voting has closed.";
                        default -> "";
                    });
        }
        if (board != null && board.votingOpen()) {
            int mine = board.dotsUsedBy(memberId);
            if (seen.containsKey("seenMine") && parse(seen.get("seenMine"), mine) != mine) {
                said.add("You have " + dotsLeft() + " dots left.");
            }
            long voters = board.voters();
            if (seen.containsKey("seenVoters") && parse(seen.get("seenVoters"), (int) voters) != voters) {
                said.add(voters == 1 ? "1 person has voted." : voters + " people have voted.");
            }
        }
        if (!"true".equals(seen.get("seenRevealed")) && countsShown()) {
            said.add("The results are revealed.");
        }
        if (!"true".equals(seen.get("seenClosed")) && closed()) {
            said.add("The board is closed.");
        }
        return String.join(" ", said.stream().filter(s -> !s.isEmpty()).toList());
    }

    private static int parse(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
