package org.collaborative.app.web.commitment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.collaborative.views.board.BoardView;
import org.collaborative.views.retreat.RetreatView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each session's board for the retreat report, from the live boards' view ({@code board}): its clusters, most dots
 * first, each with its cards (most dots first), then the cards in no cluster. Dots are shown only once the
 * facilitator has revealed the results (ADR 21): before that a report counts none.
 */
@Component
class SessionBoards {

    private final MongoTemplate mongo;

    SessionBoards(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<RetreatReport.SessionBoard> of(List<RetreatView.Session> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<String, BoardView> boards = mongo
                .find(
                        query(where("_id")
                                .in(sessions.stream()
                                        .map(RetreatView.Session::sessionId)
                                        .toList())),
                        BoardView.class,
                        BoardView.COLLECTION)
                .stream()
                .filter(BoardView::isOpened)
                .collect(Collectors.toMap(BoardView::id, Function.identity()));
        List<RetreatReport.SessionBoard> result = new ArrayList<>();
        for (RetreatView.Session session : sessions) {
            BoardView board = boards.get(session.sessionId());
            if (board != null && !board.cards().isEmpty()) {
                result.add(new RetreatReport.SessionBoard(session.sessionId(), session.title(), clusters(board)));
            }
        }
        return result;
    }

    static List<RetreatReport.Cluster> clusters(BoardView board) {
        List<RetreatReport.Cluster> clusters = new ArrayList<>();
        for (BoardView.Cluster cluster : board.clusters()) {
            List<RetreatReport.Card> cards = cards(board, cluster.clusterId());
            if (!cards.isEmpty()) {
                clusters.add(new RetreatReport.Cluster(cluster.name(), cards, dots(cards)));
            }
        }
        clusters.sort(Comparator.comparingInt(RetreatReport.Cluster::dots).reversed());
        List<RetreatReport.Card> loose = cards(board, null);
        if (!loose.isEmpty()) {
            clusters.add(new RetreatReport.Cluster("Not in a cluster", loose, dots(loose)));
        }
        return clusters;
    }

    private static List<RetreatReport.Card> cards(BoardView board, String clusterId) {
        return board.cardsIn(clusterId).stream()
                .map(card -> new RetreatReport.Card(
                        card.text(), card.kind(), board.revealed() ? board.dotsOn(card.cardId()) : 0))
                .sorted(Comparator.comparingInt(RetreatReport.Card::dots).reversed())
                .toList();
    }

    private static int dots(List<RetreatReport.Card> cards) {
        return cards.stream().mapToInt(RetreatReport.Card::dots).sum();
    }
}
