package org.collaborative.app.board;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.collaborative.app.infrastructure.web.ReadYourWrite;
import org.collaborative.views.board.BoardView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads the live boards the projections keep ({@code board} collection, declared in workspace-views). */
@Component
public class BoardViews {

    private final MongoTemplate mongo;

    BoardViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The session's board, once its opening has been projected. */
    public Optional<BoardView> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, BoardView.class, BoardView.COLLECTION))
                .filter(BoardView::isOpened);
    }

    /** The board as soon as it meets the condition, or as it is after {@code atMost}. */
    public Optional<BoardView> awaitUntil(String sessionId, Predicate<BoardView> condition, Duration atMost) {
        return ReadYourWrite.awaitUntil(() -> find(sessionId), condition, atMost);
    }
}
