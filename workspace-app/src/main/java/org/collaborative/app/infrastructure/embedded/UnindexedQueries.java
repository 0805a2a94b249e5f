package org.collaborative.app.infrastructure.embedded;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.collaborative.views.ViewIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MongoDB stand-in notices about the queries it answers: every filter, from either application, that no
 * index declared in {@link ViewIndexes} would serve on a real MongoDB (a collection scan there). Each shape is logged
 * once, as a warning, and kept for the tests to read. The stand-in itself answers every query the same way, so this is
 * the only place a missing index shows before production.
 */
public final class UnindexedQueries {

    private static final Logger log = LoggerFactory.getLogger(UnindexedQueries.class);

    private static final Set<String> HANDSHAKES = Set.of("hello", "isMaster", "ismaster");

    private final Set<String> found = ConcurrentHashMap.newKeySet();

    /**
     * The client name a connection gave in its handshake ({@code hello}), kept on the channel: queries from a client
     * named {@link #UNCHECKED_CLIENT} (the tests' own reads) are not held to the rule.
     */
    private static final AttributeKey<String> CLIENT = AttributeKey.valueOf("collaborative.mongo.client");

    /** The application name of a MongoDB client whose queries are not checked: the tests' own reads. */
    public static final String UNCHECKED_CLIENT = "collaborative-tests";

    /** Looks at one command as the wire protocol carries it ({@code find}, {@code update}, ...). */
    void check(Channel channel, String command, Map<String, Object> document) {
        if (HANDSHAKES.contains(command)
                && document.get("client") instanceof Map<?, ?> client
                && client.get("application") instanceof Map<?, ?> application
                && application.get("name") instanceof String name) {
            channel.attr(CLIENT).set(name);
            return;
        }
        if (UNCHECKED_CLIENT.equals(channel.attr(CLIENT).get())
                || !(document.get(command) instanceof String collection)) {
            return;
        }
        for (Map<String, ?> filter : filters(command.toLowerCase(Locale.ROOT), document)) {
            if (!ViewIndexes.serves(collection, filter)) {
                String shape = ViewIndexes.viewOf(collection) + " " + command + " " + ViewIndexes.shape(filter);
                if (found.add(shape)) {
                    log.warn("No declared index serves this query (see ViewIndexes): {}", shape);
                }
            }
        }
    }

    /** The shapes found so far, sorted: {@code items find {title}}. */
    public Set<String> found() {
        return new TreeSet<>(found);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> filters(String command, Map<String, Object> document) {
        List<Map<String, ?>> filters = new ArrayList<>();
        switch (command) {
            case "find" -> {
                // The first document of a collection (exists) is no scan.
                Map<String, ?> filter = map(document.get("filter"));
                if (!filter.isEmpty() || !Integer.valueOf(1).equals(number(document.get("limit")))) {
                    filters.add(filter);
                }
            }
            case "distinct", "findandmodify" -> filters.add(map(document.get("query")));
            case "count" -> {
                // A count without a filter is answered from the collection's metadata, not by a scan.
                Map<String, ?> query = map(document.get("query"));
                if (!query.isEmpty()) {
                    filters.add(query);
                }
            }
            case "aggregate" -> {
                if (document.get("pipeline") instanceof List<?> pipeline
                        && !pipeline.isEmpty()
                        && pipeline.get(0) instanceof Map<?, ?> first) {
                    boolean firstOnly = pipeline.size() > 1
                            && pipeline.get(1) instanceof Map<?, ?> second
                            && Integer.valueOf(1).equals(number(second.get("$limit")));
                    if (first.containsKey("$match")) {
                        // Whether a collection holds any document (exists, counted with a limit of 1) is no scan.
                        Map<String, ?> match = map(first.get("$match"));
                        if (!match.isEmpty() || !firstOnly) {
                            filters.add(match);
                        }
                    } else if (!first.containsKey("$collStats") && !first.containsKey("$indexStats")) {
                        // A pipeline that does not begin by matching reads the whole collection.
                        filters.add(Map.of());
                    }
                }
            }
            case "update" -> each(document.get("updates"), filters);
            case "delete" -> each(document.get("deletes"), filters);
            default -> {
                // Inserts, index and collection commands: no filter.
            }
        }
        return filters;
    }

    @SuppressWarnings("unchecked")
    private static void each(Object statements, List<Map<String, ?>> filters) {
        if (statements instanceof List<?> list) {
            for (Object statement : list) {
                if (statement instanceof Map<?, ?> map) {
                    filters.add(map(((Map<String, Object>) map).get("q")));
                }
            }
        }
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
    }
}
