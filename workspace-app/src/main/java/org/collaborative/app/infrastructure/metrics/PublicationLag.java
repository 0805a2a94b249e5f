package org.collaborative.app.infrastructure.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code collaborative.publication.lag.events}: how many stored events the Kafka publisher has yet to send — the newest
 * global index in the event store minus the position of the publisher's token. Read from PostgreSQL, so every
 * instance reports the same figure whichever of them holds the publisher's segment; a publisher that has not started
 * counts everything as waiting.
 */
@Component
class PublicationLag implements MeterBinder {

    static final String PUBLISHER = "kafka-publisher";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    PublicationLag(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("collaborative.publication.lag.events", this, PublicationLag::waiting)
                .description("Stored events not yet published to Kafka")
                .register(registry);
    }

    double waiting() {
        Long newest = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        if (newest == null) {
            return 0;
        }
        List<byte[]> tokens =
                jdbc.queryForList("select token from token_entry where processor_name = ?", byte[].class, PUBLISHER);
        long published = tokens.isEmpty() ? -1 : Long.MAX_VALUE;
        for (byte[] token : tokens) {
            published = Math.min(published, position(token));
        }
        return Math.max(0, newest - published);
    }

    /** The global index a serialised tracking token stands at: -1 for none yet. */
    long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = json.readTree(token);
            // A replay token wraps the token it is heading for.
            JsonNode current = node.has("currentToken") ? node.get("currentToken") : node;
            return current == null || !current.has("index")
                    ? -1
                    : current.get("index").asLong();
        } catch (IOException e) {
            return -1;
        }
    }
}
