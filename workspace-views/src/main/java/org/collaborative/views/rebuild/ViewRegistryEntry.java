package org.collaborative.views.rebuild;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * What the projections know about one view's health, in the {@code view-registry} collection: written by the projections
 * (registration at start, whether the view holds documents, a start-up check's finding that it was lost), read by the
 * workspace's admin pages and the {@code rebuild} command line.
 *
 * @param view the view's name, which is also its collection's
 * @param registeredAt when a projections instance last started with this view
 * @param holdsDocuments whether the view has held documents since it was last found (or rebuilt) empty; views never
 *     delete documents, so an empty view that held documents has lost them; null while nobody knows yet
 * @param lostAt the last time a start-up check found the view empty although its consumer group had read events
 * @param lostEvents how many events that consumer group had read
 * @param lostGroup that consumer group
 */
public record ViewRegistryEntry(
        @Id String view,
        Instant registeredAt,
        Boolean holdsDocuments,
        Instant lostAt,
        Long lostEvents,
        String lostGroup) {

    public static final String COLLECTION = "view-registry";
}
