package org.collaborative.app.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The event store and the Kafka topic use the approved wire form of every event (workspace-events' approval files). */
class EventJsonTest {

    private final ObjectMapper json = EventJson.mapper();

    @Test
    void readsAndWritesEveryApprovedEventUnchanged() throws Exception {
        List<Path> approved = approvedFiles();
        assertThat(approved).isNotEmpty();
        for (Path file : approved) {
            String name = file.getFileName().toString();
            Class<?> type = Class.forName(name.substring(0, name.lastIndexOf(".v")));
            if (!name.endsWith(".v"
                    + type.getAnnotation(org.axonframework.serialization.Revision.class)
                            .value() + ".json")) {
                continue; // an earlier revision, read through its upcaster (e.g. MemberRegisteredUpcasterTest)
            }
            Object event = json.readValue(file.toFile(), type);
            assertThat(json.readTree(json.writeValueAsBytes(event))).as(name).isEqualTo(json.readTree(file.toFile()));
        }
    }

    static List<Path> approvedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../workspace-events/src/test/resources/approved"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
