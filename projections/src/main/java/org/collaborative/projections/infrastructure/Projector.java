package org.collaborative.projections.infrastructure;

import java.util.Optional;
import org.collaborative.views.View;

/**
 * Builds one view from the event stream. Each projector is its own Kafka consumer group, so views advance (and can
 * be rebuilt) independently. {@link #apply} is pure: the runner does the I/O, the idempotency check and the retries.
 */
public interface Projector<V extends View<V>> {

    /** The view's name: its collection, its consumer group ({@code projection.<name>}) and its change notices. */
    String name();

    Class<V> viewType();

    /** The id of the document this event changes, or empty when the view does not follow this event. */
    Optional<String> viewId(EventEnvelope event);

    V empty(String id);

    V apply(V view, EventEnvelope event);
}
