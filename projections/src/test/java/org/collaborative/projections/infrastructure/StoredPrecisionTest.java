package org.collaborative.projections.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.collaborative.events.group.MemberJoinedGroup;
import org.junit.jupiter.api.Test;

/** Events are read with their instants at the precision MongoDB keeps, so batching cannot change a sort. */
class StoredPrecisionTest {

    private static final Instant MICROS = Instant.parse("2026-11-26T09:00:00.123456789Z");
    private static final Instant MILLIS = Instant.parse("2026-11-26T09:00:00.123Z");

    @Test
    void anEventsInstantsAreReadInMilliseconds() {
        EventEnvelope envelope = Events.envelope("g1", 0, new MemberJoinedGroup("g1", "tom", "E09000007", MICROS));

        assertThat(((MemberJoinedGroup) envelope.payload()).joinedAt()).isEqualTo(MILLIS);
    }

    @Test
    void soIsAnInstantReadAlone() throws Exception {
        byte[] json = ProjectionConfiguration.eventJson().writeValueAsBytes(MICROS);

        assertThat(ProjectionConfiguration.eventJson().readValue(json, Instant.class))
                .isEqualTo(MILLIS);
        assertThat(StoredPrecision.stored(MICROS)).isEqualTo(MILLIS);
        assertThat(StoredPrecision.stored(null)).isNull();
    }
}
