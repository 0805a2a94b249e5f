package org.collaborative.projections.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One event read from {@code collaborative.events}: its CloudEvents attributes (from the {@code ce_*} headers) and
 * its payload, deserialized into the record named by {@code ce_type}.
 */
public record EventEnvelope(
        String eventId, String type, String aggregateId, long sequence, Instant time, String revision, Object payload) {

    static final String EVENTS_PACKAGE = "org.collaborative.events.";

    public static EventEnvelope from(ConsumerRecord<String, byte[]> record, ObjectMapper json) {
        String type = header(record, "ce_type");
        Class<?> payloadType = eventClass(type);
        try {
            return new EventEnvelope(
                    header(record, "ce_id"),
                    type,
                    header(record, "ce_aggregateid"),
                    Long.parseLong(header(record, "ce_aggregatesequence")),
                    StoredPrecision.stored(Instant.parse(header(record, "ce_time"))),
                    header(record, "ce_revision"),
                    json.readValue(record.value(), payloadType));
        } catch (IOException e) {
            throw new UnreadableEventException("The payload of " + type + " could not be read", e);
        }
    }

    /** Only records of the published language may be instantiated from the wire. */
    private static Class<?> eventClass(String type) {
        if (!type.startsWith(EVENTS_PACKAGE)) {
            throw new UnreadableEventException("Not an event of the published language: " + type, null);
        }
        try {
            Class<?> found = Class.forName(type, false, EventEnvelope.class.getClassLoader());
            if (!found.isRecord()) {
                throw new UnreadableEventException("Not an event record: " + type, null);
            }
            return found;
        } catch (ClassNotFoundException e) {
            throw new UnreadableEventException("Unknown event type " + type + ": is workspace-events up to date?", e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new UnreadableEventException(
                    "The record at " + record.topic() + "-" + record.partition() + "@" + record.offset() + " has no "
                            + name + " header",
                    null);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    public static class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
