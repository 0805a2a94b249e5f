package org.collaborative.projections.infrastructure;

import java.util.Optional;
import org.collaborative.views.View;

/**
 * A projector that declares what it does with each event in an {@link EventHandlers} registry: its name, its view's
 * type and that registry are all there is to it besides the empty document.
 */
public abstract class DeclaredProjector<V extends View<V>> implements Projector<V> {

    private final String name;
    private final Class<V> viewType;
    private final EventHandlers<V> handlers;

    protected DeclaredProjector(String name, Class<V> viewType, EventHandlers<V> handlers) {
        this.name = name;
        this.viewType = viewType;
        this.handlers = handlers;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<V> viewType() {
        return viewType;
    }

    @Override
    public final Optional<String> viewId(EventEnvelope event) {
        return handlers.viewId(event);
    }

    /**
     * As {@link #viewId(EventEnvelope)}, from the payload alone, for events that name their document; an event whose
     * document is its aggregate's needs its envelope.
     */
    public final Optional<String> viewId(Object payload) {
        return handlers.viewId(payload);
    }

    @Override
    public V apply(V view, EventEnvelope event) {
        return handlers.apply(view, event);
    }
}
