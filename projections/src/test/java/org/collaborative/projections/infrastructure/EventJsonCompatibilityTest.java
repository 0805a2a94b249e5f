package org.collaborative.projections.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Projections read every event in its approved wire form (workspace-events' approval files). */
class EventJsonCompatibilityTest {

    @Test
    void readsEveryApprovedEvent() throws Exception {
        ObjectMapper json = ProjectionConfiguration.eventJson();
        List<Path> approved;
        try (Stream<Path> files = Files.list(Path.of("../workspace-events/src/test/resources/approved"))) {
            approved = files.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertThat(approved).isNotEmpty();
        for (Path file : approved) {
            String name = file.getFileName().toString();
            Class<?> type = Class.forName(name.substring(0, name.lastIndexOf(".v")));
            assertThat(json.readValue(file.toFile(), type)).as(name).isInstanceOf(type);
        }
    }
}
