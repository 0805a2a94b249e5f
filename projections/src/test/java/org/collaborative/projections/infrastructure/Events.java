package org.collaborative.projections.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds records exactly as the workspace app publishes them, for projection tests. */
public final class Events {

    private Events() {}

    public static ConsumerRecord<String, byte[]> record(String aggregateId, long sequence, Object payload) {
        try {
            RecordHeaders headers = new RecordHeaders();
            header(headers, "ce_specversion", "1.0");
            header(headers, "ce_id", UUID.randomUUID().toString());
            header(headers, "ce_source", "/collaborative/workspace-app");
            header(headers, "ce_type", payload.getClass().getName());
            header(headers, "ce_time", Instant.parse("2026-11-26T09:00:00Z").toString());
            header(headers, "ce_aggregateid", aggregateId);
            header(headers, "ce_aggregatetype", "Test");
            header(headers, "ce_aggregatesequence", Long.toString(sequence));
            header(headers, "ce_revision", "1");
            byte[] value = ProjectionConfiguration.eventJson().writeValueAsBytes(payload);
            return new ConsumerRecord<>(
                    "collaborative.events",
                    0,
                    0L,
                    0L,
                    null,
                    0,
                    value.length,
                    aggregateId,
                    value,
                    headers,
                    java.util.Optional.empty());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EventEnvelope envelope(String aggregateId, long sequence, Object payload) {
        return EventEnvelope.from(record(aggregateId, sequence, payload), ProjectionConfiguration.eventJson());
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
