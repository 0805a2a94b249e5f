package org.collaborative.app.infrastructure.publication;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events the Kafka publisher has parked (ADR 27): each aggregate's parked events form a sequence, headed by the
 * event that failed, with the later events of that aggregate waiting behind it in order. Read straight from Axon's
 * {@code dead_letter_entry} table, without reading the payloads (which may be what cannot be read); retried through
 * the processor's dead-letter processor, which publishes a sequence from its head and stops at the first event that
 * still fails. Also {@code collaborative.parked.events{side="publisher"}}, the number of parked events.
 */
@Component
public class ParkedEvents implements MeterBinder {

    /** One parked event. {@code error} is empty for an event that only waits behind an earlier one of its aggregate. */
    public record ParkedEvent(
            String eventId,
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            String eventType,
            Instant storedAt,
            Instant parkedAt,
            Instant lastTriedAt,
            Optional<String> error) {}

    /** One aggregate's parked events, the first of which failed. */
    public record ParkedSequence(String aggregateId, List<ParkedEvent> events) {

        public ParkedEvent head() {
            return events.get(0);
        }
    }

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;

    ParkedEvents(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** Every parked sequence, the longest parked first; each in the order its events will be published. */
    public List<ParkedSequence> sequences() {
        Map<String, List<ParkedEvent>> bySequence = new LinkedHashMap<>();
        jdbc.query(
                """
                select sequence_identifier, event_identifier, type, aggregate_identifier, sequence_number,
                       payload_type, time_stamp, enqueued_at, last_touched, cause_type, cause_message
                  from dead_letter_entry
                 where processing_group = ?
                 order by (min(enqueued_at) over (partition by sequence_identifier)), sequence_identifier,
                          sequence_index
                """,
                (ResultSet row) -> {
                    bySequence
                            .computeIfAbsent(row.getString("sequence_identifier"), key -> new ArrayList<>())
                            .add(event(row));
                },
                KafkaEventPublisher.PROCESSING_GROUP);
        return bySequence.values().stream()
                .map(events -> new ParkedSequence(events.get(0).aggregateId(), List.copyOf(events)))
                .toList();
    }

    public long count() {
        Long count = jdbc.queryForObject(
                "select count(*) from dead_letter_entry where processing_group = ?",
                Long.class,
                KafkaEventPublisher.PROCESSING_GROUP);
        return count == null ? 0 : count;
    }

    /**
     * Publishes the sequence headed by the event, in order, and unparks each event that goes; stops at the first that
     * still fails, which stays parked with its new error. Returns whether the whole sequence went.
     */
    public boolean retry(String headEventId) {
        return processor().process(letter -> letter.message().getIdentifier().equals(headEventId));
    }

    /** Retries every parked sequence once; returns how many went entirely. */
    public int retryAll() {
        int published = 0;
        for (ParkedSequence sequence : sequences()) {
            if (retry(sequence.head().eventId())) {
                published++;
            }
        }
        return published;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("collaborative.parked.events", this, ParkedEvents::count)
                .description("Events set aside because they cannot be published or applied, with those waiting behind"
                        + " them")
                .tag("side", "publisher")
                .register(registry);
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor() {
        return processing
                .sequencedDeadLetterProcessor(KafkaEventPublisher.PROCESSING_GROUP)
                .orElseThrow(() -> new IllegalStateException(
                        "The Kafka publisher has no dead-letter queue: axon.eventhandling.processors."
                                + KafkaEventPublisher.PROCESSING_GROUP + ".dlq.enabled is off"));
    }

    private static ParkedEvent event(ResultSet row) throws SQLException {
        String causeType = row.getString("cause_type");
        String causeMessage = row.getString("cause_message");
        Optional<String> error = causeType == null && causeMessage == null
                ? Optional.empty()
                : Optional.of(causeMessage == null ? causeType : causeMessage);
        return new ParkedEvent(
                row.getString("event_identifier"),
                row.getString("type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("payload_type"),
                Instant.parse(row.getString("time_stamp")),
                row.getObject("enqueued_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getObject("last_touched", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null),
                error);
    }
}
