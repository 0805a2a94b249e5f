package org.collaborative.views.parking;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * An administrator's request to retry one view's parked sequence ({@code parked-retries} collection): the workspace's
 * admin page writes it, and the projections instance whose consumer owns the partition re-applies the sequence from
 * its first record and deletes the request. A request for a sequence that is no longer parked is deleted unread.
 *
 * @param requestedBy {@code member:<id>}, never a name
 */
public record ParkedRetry(
        @Id String id, String view, int partition, String key, String requestedBy, Instant requestedAt) {

    public static final String COLLECTION = "parked-retries";
}
