package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.collaborative.app.infrastructure.embedded.EmbeddedStack;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the Kafka broker down, people can still post: the events are stored, publication waits, and when the broker is
 * back it catches up. Nothing is lost and nothing is published twice.
 */
class BrokerOutageIT {


    @TempDir
    Path data;

    @Test
    void commandsAreAcceptedWhileTheBrokerIsDownAndPublicationCatchesUp() {
        try (RunningWorkspace workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free())) {
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            String groupId = await().atMost(Duration.ofSeconds(60))
                    .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
            workspace.awaitPublicationCaughtUp();
            long publishedBefore = workspace.publishedUpTo();

            EmbeddedStack stack = EmbeddedStack.current().orElseThrow();
            stack.stopKafka();
            List<String> asked = new ArrayList<>();
            try {
                tom.get("/groups/" + groupId);
                for (int i = 0; i < 10; i++) {
                    String id = UUID.randomUUID().toString();
                    var response = tom.post("/groups/" + groupId + "/questions",
                            Map.of("questionId", id, "title", "Asked while Kafka was down " + i, "body", ""));
                    assertThat(response.statusCode()).as("question %s accepted", i).isEqualTo(302);
                    asked.add(id);
                }
                assertThat(asked.stream().mapToLong(workspace::eventCount).sum())
                        .as("stored while the broker was down")
                        .isEqualTo(10L);
                assertThat(workspace.publishedUpTo()).as("nothing published while the broker was down").isEqualTo(publishedBefore);
            } finally {
                stack.startKafka();
            }

            workspace.awaitPublicationCaughtUp();
            List<ConsumerRecord<String, byte[]>> records = workspace.readTopic("collaborative.events");
            Map<String, Long> perKey = records.stream()
                    .filter(r -> asked.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perKey.keySet()).isEqualTo(Set.copyOf(asked));
            assertThat(perKey.values()).allMatch(count -> count == 1L);
            await("the questions to reach the group page")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> tom.get("/groups/" + groupId).body().contains("Asked while Kafka was down 9"));
        }
    }
}
