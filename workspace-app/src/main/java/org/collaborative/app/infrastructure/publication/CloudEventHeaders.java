package org.collaborative.app.infrastructure.publication;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the event's JSON is the record value and its attributes travel
 * as {@code ce_*} headers, with the aggregate's id, type and sequence as extensions.
 */
final class CloudEventHeaders {

    static final String SPEC_VERSION = "ce_specversion";
    static final String ID = "ce_id";
    static final String SOURCE = "ce_source";
    static final String TYPE = "ce_type";
    static final String TIME = "ce_time";
    static final String AGGREGATE_ID = "ce_aggregateid";
    static final String AGGREGATE_TYPE = "ce_aggregatetype";
    static final String AGGREGATE_SEQUENCE = "ce_aggregatesequence";
    static final String REVISION = "ce_revision";
    static final String CONTENT_TYPE = "content-type";

    static final String SOURCE_VALUE = "/collaborative/workspace-app";

    private CloudEventHeaders() {}

    static void write(Headers headers, DomainEventMessage<?> message) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, message.getIdentifier());
        put(headers, SOURCE, SOURCE_VALUE);
        put(headers, TYPE, message.getPayloadType().getName());
        put(headers, TIME, message.getTimestamp().toString());
        put(headers, CONTENT_TYPE, "application/json");
        put(headers, AGGREGATE_ID, message.getAggregateIdentifier());
        put(headers, AGGREGATE_TYPE, message.getType());
        put(headers, AGGREGATE_SEQUENCE, Long.toString(message.getSequenceNumber()));
        put(headers, REVISION, revisionOf(message.getPayloadType()));
    }

    static String revisionOf(Class<?> payloadType) {
        Revision revision = payloadType.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalStateException(payloadType.getName() + " has no @Revision: every event must declare one");
        }
        return revision.value();
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
