package org.collaborative.projections.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.collaborative.views.parking.ParkedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The projections' side of ADR 27: per view, the records set aside because the view could not read or apply them, and
 * the later records of the same key that wait behind them, in the {@code parked-records} collection.
 *
 * <p>The rule, per view: a record that still fails after the error handler's retries is parked with its error; from
 * then on every later record of its partition and key is parked behind it instead of applied; records of every other
 * key flow on. A retry re-applies the sequence in offset order and stops at the first record that still fails, which
 * keeps its place with its new error; once the sequence is empty its key flows again.
 *
 * <p>So that a healthy batch costs no query, each instance keeps the parked keys of the partitions its consumers are
 * assigned, per view, in memory: loaded from MongoDB when a partition is assigned (or, if that failed, before the
 * partition's first batch), dropped when it is revoked. Only the consumer that owns a partition parks its records, so
 * its set is the truth for that partition. A retry runs on the instance that owns the sequence's partition, under the
 * view's write lock: the view's batches on this instance, and the revocation of its partitions, wait for it, so no
 * record of the key is applied or parked while its sequence is being re-applied.
 */
@Component
public class ParkedRecords {

    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);
    private static final int MAX_ERROR = 2_000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, ViewParking> views = new ConcurrentHashMap<>();

    public ParkedRecords(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** One view's parked keys on the partitions this instance is assigned, and the lock its retries take. */
    private static final class ViewParking {
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        /** Assigned partitions whose parked keys are known; a partition missing here is loaded before it is used. */
        final Map<Integer, Set<String>> keysByPartition = new ConcurrentHashMap<>();
    }

    private ViewParking parking(String view) {
        return views.computeIfAbsent(view, name -> new ViewParking());
    }

    /** The key a record is parked under: its key (the aggregate id), or empty for a record without one. */
    public static String keyOf(ConsumerRecord<String, ?> record) {
        return record.key() == null ? "" : record.key();
    }

    /**
     * Holds the view's read lock while {@code work} runs: a batch, an assignment or a revocation. Retries of the view on
     * this instance wait until it is done.
     */
    public <T> T whileApplying(String view, java.util.function.Supplier<T> work) {
        ReentrantReadWriteLock.ReadLock lock = parking(view).lock.readLock();
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Loads the parked keys of newly assigned partitions. A failure is only logged: each is loaded before its use. */
    public void assigned(String view, Collection<Integer> partitions) {
        whileApplying(view, () -> {
            ViewParking parking = parking(view);
            partitions.forEach(parking.keysByPartition::remove);
            try {
                load(view, partitions);
            } catch (RuntimeException e) {
                log.warn(
                        "Could not read {}'s parked keys of partitions {}; will read them before applying",
                        view,
                        partitions,
                        e);
            }
            return null;
        });
    }

    /** Forgets revoked (or lost) partitions: their next owner reads them from MongoDB. */
    public void revoked(String view, Collection<Integer> partitions) {
        whileApplying(view, () -> {
            partitions.forEach(parking(view).keysByPartition::remove);
            return null;
        });
    }

    private void load(String view, Collection<Integer> partitions) {
        Map<Integer, Set<String>> loaded = new java.util.HashMap<>();
        partitions.forEach(partition -> loaded.put(partition, ConcurrentHashMap.newKeySet()));
        Query parked = query(where("view").is(view).and("partition").in(partitions));
        parked.fields().include("partition", "key");
        for (org.bson.Document found : mongo.find(parked, org.bson.Document.class, ParkedRecord.COLLECTION)) {
            loaded.get(found.getInteger("partition")).add(found.getString("key"));
        }
        parking(view).keysByPartition.putAll(loaded);
    }

    /**
     * Whether the view has parked records of this partition and key, so that this record must wait behind them. Cheap
     * (a set) once the partition's keys are known; reads them first otherwise.
     *
     * @throws ParkingUnknownException when they cannot be read: the batch fails and is retried, never parked
     */
    public boolean parked(String view, int partition, String key) {
        ViewParking parking = parking(view);
        Set<String> keys = parking.keysByPartition.get(partition);
        if (keys == null) {
            try {
                load(view, List.of(partition));
            } catch (RuntimeException e) {
                throw new ParkingUnknownException(view, partition, e);
            }
            keys = parking.keysByPartition.get(partition);
        }
        return keys.contains(key);
    }

    /** Whether this instance owns the sequence: its partition is assigned here and the key is parked. */
    public boolean owns(String view, int partition, String key) {
        Set<String> keys = parking(view).keysByPartition.get(partition);
        return keys != null && keys.contains(key);
    }

    /**
     * Parks the record, with the error that made it fail, or (null) behind an earlier parked record of its key. Parking
     * the same record again changes nothing but the error.
     */
    public void park(String view, ConsumerRecord<String, byte[]> record, Throwable error) {
        String key = keyOf(record);
        List<ParkedRecord.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new ParkedRecord.Header(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8)));
        }
        ParkedRecord parked = new ParkedRecord(
                ParkedRecord.id(view, record.topic(), record.partition(), record.offset()),
                view,
                record.partition(),
                key,
                record.topic(),
                record.offset(),
                header(record, "ce_id"),
                header(record, "ce_type"),
                error == null ? null : describe(error),
                clock.instant(),
                null,
                headers,
                record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
        mongo.save(parked, ParkedRecord.COLLECTION);
        parking(view)
                .keysByPartition
                .computeIfAbsent(record.partition(), partition -> ConcurrentHashMap.newKeySet())
                .add(key);
        if (error != null) {
            log.error(
                    "{} parked {}-{}@{} (key {}): {}",
                    view,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    key,
                    parked.error());
        }
    }

    /** What a retry did: how many of the sequence's records it applied, and how many are still parked. */
    public record Outcome(int applied, int stillParked) {}

    /** Applies records to a view; throws {@link ProjectionRunner.FailedAt} at the first that may not be stored. */
    @FunctionalInterface
    public interface Applier {
        void applyAll(List<EventEnvelope> events);
    }

    /**
     * Re-applies the view's parked sequence of this partition and key, in order, and removes what it applied. Stops at
     * the first record that still cannot be read or applied, which keeps its place with its new error (the records
     * behind it stay parked). Empty when this instance does not own the sequence (its partition is assigned elsewhere,
     * or nothing of the key is parked).
     */
    public Optional<Outcome> retry(String view, int partition, String key, Applier applier, ObjectMapper json) {
        ReentrantReadWriteLock.WriteLock lock = parking(view).lock.writeLock();
        lock.lock();
        try {
            if (!owns(view, partition, key)) {
                return Optional.empty();
            }
            List<ParkedRecord> sequence = mongo.find(
                    query(where("view")
                                    .is(view)
                                    .and("partition")
                                    .is(partition)
                                    .and("key")
                                    .is(key))
                            .with(Sort.by("offset")),
                    ParkedRecord.class,
                    ParkedRecord.COLLECTION);
            List<EventEnvelope> events = new ArrayList<>(sequence.size());
            RuntimeException failure = null;
            int failedAt = sequence.size();
            for (ParkedRecord parked : sequence) {
                try {
                    events.add(EventEnvelope.from(toRecord(parked), json));
                } catch (RuntimeException e) {
                    failure = e;
                    failedAt = events.size();
                    break;
                }
            }
            try {
                applier.applyAll(events);
            } catch (ProjectionRunner.FailedAt failed) {
                failure = failed.getCause() instanceof RuntimeException cause ? cause : failed;
                failedAt = failed.index();
            }
            for (ParkedRecord applied : sequence.subList(0, failedAt)) {
                mongo.remove(query(where("_id").is(applied.id())), ParkedRecord.COLLECTION);
            }
            if (failure != null) {
                ParkedRecord head = sequence.get(failedAt);
                mongo.updateFirst(
                        query(where("_id").is(head.id())),
                        Update.update("error", describe(failure)).set("lastTriedAt", clock.instant()),
                        ParkedRecord.COLLECTION);
                log.warn(
                        "{}: retrying {} of partition {} still fails at offset {}: {}",
                        view,
                        key,
                        partition,
                        head.offset(),
                        describe(failure));
            } else {
                parking(view).keysByPartition.get(partition).remove(key);
                log.info("{}: retried {} of partition {}: {} records applied", view, key, partition, failedAt);
            }
            return Optional.of(new Outcome(failedAt, sequence.size() - failedAt));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a failure is the record's own (park it) or the view's store being away (retry it with back-off for as
     * long as it takes, as a Kafka outage stops the publisher: ADR 27). An outage never parks anything.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ParkingUnknownException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The error as an administrator reads it: each cause's type and message, outermost first, the wrappers left out. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < MAX_ERROR; cause = cause.getCause()) {
            if (isWrapper(cause) && cause.getCause() != null) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text.toString();
    }

    private static boolean isWrapper(Throwable cause) {
        return cause instanceof ProjectionRunner.FailedAt
                || cause.getClass().getName().startsWith("org.springframework.kafka.");
    }

    private static ConsumerRecord<String, byte[]> toRecord(ParkedRecord parked) {
        RecordHeaders headers = new RecordHeaders();
        if (parked.headers() != null) {
            for (ParkedRecord.Header header : parked.headers()) {
                headers.add(
                        header.name(),
                        header.value() == null ? null : header.value().getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] value = parked.value() == null ? null : Base64.getDecoder().decode(parked.value());
        return new ConsumerRecord<>(
                parked.topic(),
                parked.partition(),
                parked.offset(),
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE,
                value == null ? ConsumerRecord.NULL_SIZE : value.length,
                parked.key().isEmpty() ? null : parked.key(),
                value,
                headers,
                Optional.empty());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The parked keys of a partition could not be read: nothing of it may be applied until they can. */
    public static final class ParkingUnknownException extends RuntimeException {
        ParkingUnknownException(String view, int partition, Throwable cause) {
            super("Could not read " + view + "'s parked keys of partition " + partition, cause);
        }
    }
}
