package org.collaborative.projections.infrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a projector does with each type of event it follows: which view document the event changes, and how. A
 * projector declares each event type once ({@link #on}, {@link #onAggregate}); dispatch is a lookup by the payload's
 * class, in place of a chain of {@code instanceof} tests for the id and another for the change.
 *
 * @param <V> the view
 */
public final class EventHandlers<V> {

    /** How one event changes the view. */
    @FunctionalInterface
    public interface Change<V, E> {
        V apply(V view, E event, EventEnvelope envelope);
    }

    /** @param viewId the id from the payload, or null when the view id is the envelope's aggregate id */
    private record Handler<V, E>(Class<E> type, Function<E, String> viewId, Change<V, E> change) {

        Optional<String> viewId(EventEnvelope envelope) {
            return viewId == null ? Optional.of(envelope.aggregateId()) : viewId(envelope.payload());
        }

        Optional<String> viewId(Object payload) {
            if (viewId == null) {
                throw new IllegalArgumentException(
                        "The view of " + type.getSimpleName() + " is its aggregate's: ask with the event's envelope");
            }
            return Optional.ofNullable(viewId.apply(type.cast(payload)));
        }

        V apply(V view, EventEnvelope envelope) {
            return change.apply(view, type.cast(envelope.payload()), envelope);
        }
    }

    private final Map<Class<?>, Handler<V, ?>> handlers = new HashMap<>();

    /**
     * Follows events of {@code type}; {@code viewId} names the document each changes, from the payload (null: none,
     * the event is passed over).
     */
    public <E> EventHandlers<V> on(Class<E> type, Function<E, String> viewId, Change<V, E> change) {
        return add(new Handler<>(type, viewId, change));
    }

    /** Follows events of {@code type}, each of which changes the document of its own aggregate (the same id). */
    public <E> EventHandlers<V> onAggregate(Class<E> type, Change<V, E> change) {
        return add(new Handler<>(type, null, change));
    }

    private EventHandlers<V> add(Handler<V, ?> handler) {
        if (handlers.putIfAbsent(handler.type(), handler) != null) {
            throw new IllegalStateException(handler.type().getSimpleName() + " is handled twice");
        }
        return this;
    }

    /** The id of the document the event changes, or empty when the view does not follow it. */
    public Optional<String> viewId(EventEnvelope event) {
        Handler<V, ?> handler = handlers.get(event.payload().getClass());
        return handler == null ? Optional.empty() : handler.viewId(event);
    }

    /**
     * As {@link #viewId(EventEnvelope)}, from the payload alone: for the events whose view id the payload names
     * ({@link #on}); an event whose view is its aggregate's needs its envelope.
     */
    public Optional<String> viewId(Object payload) {
        Handler<V, ?> handler = handlers.get(payload.getClass());
        return handler == null ? Optional.empty() : handler.viewId(payload);
    }

    /** The view with the event applied; unchanged if the view does not follow it. */
    public V apply(V view, EventEnvelope event) {
        Handler<V, ?> handler = handlers.get(event.payload().getClass());
        return handler == null ? view : handler.apply(view, event);
    }
}
