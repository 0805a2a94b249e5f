package org.collaborative.projections.rebuild;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One request to rebuild a view, and how far it has got. Stored in the {@code view-rebuilds} collection, where the
 * workspace's admin page and the {@code rebuild} command line read it and any projections instance may claim it.
 *
 * @param applied events read from the topic so far (whether or not the view follows them)
 * @param total events on the topic when the rebuild started, plus those that arrived before it finished
 */
public record Rebuild(
        @Id String id,
        String view,
        State state,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        long applied,
        long total,
        String owner,
        Instant heartbeatAt,
        String error) {

    public static final String COLLECTION = "view-rebuilds";

    /** Where a rebuild is. A running one whose owner stops beating is claimed again and started afresh. */
    public enum State {
        REQUESTED,
        RUNNING,
        DONE,
        FAILED
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
