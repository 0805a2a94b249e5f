package org.collaborative.views.rebuild;

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

    /** A new request, as the admin page and the command line make it: waiting for a projections instance to claim it. */
    public static Rebuild requested(String id, String view, String requestedBy, Instant requestedAt) {
        return new Rebuild(id, view, State.REQUESTED, requestedBy, requestedAt, null, null, 0, 0, null, null, null);
    }

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

    /** Waiting to start or running: another rebuild of the same view must wait. */
    public boolean active() {
        return state == State.REQUESTED || state == State.RUNNING;
    }

    /** How far it has got, for the admin page's progress bar. */
    public int percent() {
        if (state == State.DONE || total == 0 && state == State.RUNNING) {
            return 100;
        }
        return total == 0 ? 0 : (int) Math.min(100, applied * 100 / total);
    }
}
