package org.collaborative.views.parking;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A record of {@code collaborative.events} that one view has set aside ({@code parked-records} collection): the first
 * of its key (aggregate id) that the view could not read or apply after the retries, with the error, or a later record
 * of the same key that waits behind it, in offset order, so that the view never applies an aggregate's events out of
 * order. A view's parked records of one partition and key form a sequence; retrying it re-applies them from the first.
 *
 * <p>The record is kept whole (headers and value) so that a retry re-applies exactly what came, whatever the topic's
 * retention: it is a copy of a published event, which holds ids and no personal data in plain text (ADR 11).
 *
 * @param id {@code <view>@<topic>-<partition>@<offset>}: parking the same record again changes nothing
 * @param key the record's key, the aggregate id (empty for a record without one)
 * @param eventId the {@code ce_id} header, if it has one
 * @param eventType the {@code ce_type} header, if it has one
 * @param error why it could not be read or applied; null while it only waits behind an earlier record of its key
 * @param lastTriedAt the last retry that reached it and failed; null until then
 * @param value the record's value, Base64
 */
public record ParkedRecord(
        @Id String id,
        String view,
        int partition,
        String key,
        String topic,
        long offset,
        String eventId,
        String eventType,
        String error,
        Instant parkedAt,
        Instant lastTriedAt,
        List<Header> headers,
        String value) {

    public static final String COLLECTION = "parked-records";

    /** One Kafka header, its value read as UTF-8 text (the {@code ce_*} headers are text). */
    public record Header(String name, String value) {}

    public static String id(String view, String topic, int partition, long offset) {
        return view + "@" + topic + "-" + partition + "@" + offset;
    }

    /** The first of its sequence, which failed; the others only wait behind it. */
    public boolean failed() {
        return error != null;
    }
}
