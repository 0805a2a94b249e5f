package org.collaborative.app.operations;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.collaborative.views.parking.ParkedRecord;
import org.collaborative.views.parking.ParkedRetry;
import org.collaborative.views.rebuild.ViewRegistryEntry;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The records the projections have parked, per view (ADR 27, amendment), read from {@code parked-records}, and
 * administrators' requests to retry them, written to {@code parked-retries}: the projections instance that owns a
 * sequence's partition carries a request out. The workspace never writes a view or a parked record.
 */
@Component
public class ParkedViewRecords {

    /** At most this many parked records of one view are listed (the oldest sequences first). */
    static final int SHOWN_PER_VIEW = 500;

    static final String REGISTRY = ViewRegistryEntry.COLLECTION;

    /**
     * One view's parked records of one partition and key, in offset order: the first failed, the others wait behind it.
     *
     * @param retryRequested a retry is asked for and not yet carried out
     */
    public record Sequence(String view, int partition, String key, List<ParkedRecord> records, boolean retryRequested) {

        public ParkedRecord head() {
            return records.get(0);
        }

        /** The id the page gives its row and button. */
        public String id() {
            return view + "-" + partition + "-" + key;
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    ParkedViewRecords(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Every view's parked sequences, by view, then partition and key. */
    public List<Sequence> sequences() {
        Set<String> requested = mongo.findAll(ParkedRetry.class, ParkedRetry.COLLECTION).stream()
                .map(request -> request.view() + "\n" + request.partition() + "\n" + request.key())
                .collect(Collectors.toSet());
        List<Sequence> sequences = new ArrayList<>();
        for (String view : views()) {
            Query parked = query(where("view").is(view))
                    .with(Sort.by("partition", "key", "offset"))
                    .limit(SHOWN_PER_VIEW);
            // The records themselves stay in MongoDB: the page shows what and why, not the payload.
            parked.fields().exclude("headers", "value");
            Map<String, List<ParkedRecord>> byKey = new LinkedHashMap<>();
            for (ParkedRecord record : mongo.find(parked, ParkedRecord.class, ParkedRecord.COLLECTION)) {
                byKey.computeIfAbsent(record.partition() + "\n" + record.key(), k -> new ArrayList<>())
                        .add(record);
            }
            byKey.values().forEach(records -> {
                ParkedRecord head = records.get(0);
                sequences.add(new Sequence(
                        view,
                        head.partition(),
                        head.key(),
                        List.copyOf(records),
                        requested.contains(view + "\n" + head.partition() + "\n" + head.key())));
            });
        }
        return sequences;
    }

    /**
     * Asks the projections to retry one view's parked sequence. False when nothing of it is parked (any more), so
     * nothing is asked.
     */
    public boolean requestRetry(String view, int partition, String key, String requestedBy) {
        if (!mongo.exists(
                query(where("view")
                        .is(view)
                        .and("partition")
                        .is(partition)
                        .and("key")
                        .is(key)),
                ParkedRecord.COLLECTION)) {
            return false;
        }
        mongo.insert(
                new ParkedRetry(UUID.randomUUID().toString(), view, partition, key, requestedBy, clock.instant()),
                ParkedRetry.COLLECTION);
        return true;
    }

    /** Asks for every parked sequence of every view; returns how many were asked for. */
    public int requestRetryAll(String requestedBy) {
        int asked = 0;
        for (Sequence sequence : sequences()) {
            if (!sequence.retryRequested()
                    && requestRetry(sequence.view(), sequence.partition(), sequence.key(), requestedBy)) {
                asked++;
            }
        }
        return asked;
    }

    /** The views the running projections instances registered (read whole: one document per view). */
    private List<String> views() {
        return mongo.findAll(ViewRegistryEntry.class, REGISTRY).stream()
                .map(ViewRegistryEntry::view)
                .sorted()
                .toList();
    }
}
