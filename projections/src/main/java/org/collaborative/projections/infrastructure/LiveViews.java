package org.collaborative.projections.infrastructure;

import java.util.List;
import org.collaborative.views.View;
import org.springframework.stereotype.Component;

/**
 * Applies events to a live view, as its consumer group does and as a retry of its parked records does: through the
 * {@link ProjectionRunner}, announcing each change ({@link ViewChangeNotifier}) and keeping the registry's word that
 * the view holds documents (which the start-up check relies on to tell a lost view from an empty one).
 */
@Component
class LiveViews {

    private final ProjectionRunner runner;
    private final ViewChangeNotifier notifier;
    private final ViewRegistry registry;

    LiveViews(ProjectionRunner runner, ViewChangeNotifier notifier, ViewRegistry registry) {
        this.runner = runner;
        this.notifier = notifier;
        this.registry = registry;
    }

    /** @throws ProjectionRunner.FailedAt at the first event that may not be stored; every event before it is */
    <V extends View<V>> void applyAll(Projector<?> projector, List<EventEnvelope> events) {
        @SuppressWarnings("unchecked")
        Projector<V> typed = (Projector<V>) projector;
        runner.applyAll(typed, events, typed.name(), (viewId, event) -> {
            notifier.changed(typed.name(), viewId, event);
            registry.savedDocument(typed.name());
        });
    }
}
