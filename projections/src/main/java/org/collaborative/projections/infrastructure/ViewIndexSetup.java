package org.collaborative.projections.infrastructure;

import java.util.List;
import org.collaborative.views.ViewIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes the views' readers need ({@link ViewIndexes}), at start (before the listener containers) and on
 * a rebuilt collection before it is swapped in. Creating an index that exists changes nothing, so every instance may
 * do it at every start; on a replica set it is built in the background of the primary.
 */
@Component
public class ViewIndexSetup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewIndexSetup.class);

    private final MongoTemplate mongo;
    private volatile boolean running;

    public ViewIndexSetup(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Before the start-up check of the views and the listener containers. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 2;
    }

    @Override
    public void start() {
        running = true;
        List<String> collections = ViewIndexes.ALL.stream()
                .map(ViewIndexes.Index::collection)
                .distinct()
                .toList();
        try {
            for (String collection : collections) {
                ensure(collection);
            }
        } catch (RuntimeException e) {
            // Pages stay correct without an index, only slower: start, and say so.
            log.error("Could not create the views' indexes; queries will scan their collections until it is done", e);
        }
    }

    /** Creates the indexes of the view this collection holds (a live view, or a rebuild's fresh collection). */
    public void ensure(String collection) {
        IndexOperations operations = mongo.indexOps(collection);
        for (ViewIndexes.Index index : ViewIndexes.of(collection)) {
            Index definition = new Index().named(index.name());
            for (String key : index.keys()) {
                definition = definition.on(key, Sort.Direction.ASC);
            }
            operations.createIndex(definition);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
