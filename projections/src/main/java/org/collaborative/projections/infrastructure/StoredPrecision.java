package org.collaborative.projections.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Every instant the projections read from an event, at the precision MongoDB keeps (milliseconds). Projectors sort
 * lists by event instants (members by joining, happenings, a moderation log, outcomes, cards); an entry read back
 * from a stored document has lost its microseconds while one applied in the same batch still had them, so two entries
 * of one millisecond were ordered by where a poll's batch happened to end, and a rebuild, which batches differently,
 * wrote another order (RebuildIT found it on the group page). Reading events at the stored precision makes a document
 * the same whatever the batching, in every projector, without each sort having to remember.
 */
public final class StoredPrecision {

    private StoredPrecision() {}

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A Jackson module reading {@link Instant}s as {@link #stored}; register it after the Java time module. */
    public static SimpleModule module() {
        return new SimpleModule("instants-at-stored-precision").addDeserializer(Instant.class, new Deserializer());
    }

    private static final class Deserializer extends JsonDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return stored(InstantDeserializer.INSTANT.deserialize(parser, context));
        }
    }
}
