package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.collaborative.app.infrastructure.embedded.EmbeddedStack;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the Kafka broker down, people can still post: the events are stored, publication waits, and when the broker is
 * back it catches up. Nothing is lost and nothing is published twice. And an event the projections cannot read does
 * not stop them: it goes to the dead-letter topic and the events behind it arrive.
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
                    var response = tom.post(
                            "/groups/" + groupId + "/questions",
                            Map.of("questionId", id, "title", "Asked while Kafka was down " + i, "body", ""));
                    assertThat(response.statusCode())
                            .as("question %s accepted", i)
                            .isEqualTo(302);
                    asked.add(id);
                }
                assertThat(asked.stream().mapToLong(workspace::eventCount).sum())
                        .as("stored while the broker was down")
                        .isEqualTo(10L);
                assertThat(workspace.publishedUpTo())
                        .as("nothing published while the broker was down")
                        .isEqualTo(publishedBefore);
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

    /**
     * A record no projection can read (a type nobody knows) sits in front of real events on every partition: each
     * view retries it with back-off, sends it to the dead-letter topic, and goes on to the events behind it.
     */
    @Test
    void anEventNoViewCanReadGoesToTheDeadLetterTopicAndTheEventsBehindItStillArrive() throws Exception {
        try (RunningWorkspace workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free())) {
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            String groupId = await().atMost(Duration.ofSeconds(60))
                    .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
            workspace.awaitPublicationCaughtUp();
            workspace.awaitProjectionsCaughtUp();

            String poison = "poison-" + UUID.randomUUID();
            Properties config = new Properties();
            config.put(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    "127.0.0.1:" + workspace.ports().kafka());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            int partitions;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
                partitions = producer.partitionsFor("collaborative.events").size();
                for (int partition = 0; partition < partitions; partition++) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                            "collaborative.events", partition, poison, "{}".getBytes(StandardCharsets.UTF_8));
                    record.headers()
                            .add("ce_type", "org.collaborative.events.NoSuchEvent".getBytes(StandardCharsets.UTF_8));
                    record.headers().add("ce_id", (poison + "-" + partition).getBytes(StandardCharsets.UTF_8));
                    producer.send(record).get();
                }
            }

            tom.get("/groups/" + groupId);
            String id = UUID.randomUUID().toString();
            assertThat(tom.post(
                                    "/groups/" + groupId + "/questions",
                                    Map.of("questionId", id, "title", "Asked behind an unreadable event", "body", ""))
                            .statusCode())
                    .isEqualTo(302);

            await("the question behind the unreadable record to reach the group page")
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> tom.get("/groups/" + groupId).body().contains("Asked behind an unreadable event"));
            int expected = partitions * RunningWorkspace.VIEWS.size();
            await("every view to send the unreadable record to the dead-letter topic once per partition")
                    .atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(workspace.readTopic("collaborative.events.dlt").stream()
                                    .filter(r -> poison.equals(r.key()))
                                    .count())
                            .isGreaterThanOrEqualTo(expected));
            ConsumerRecord<String, byte[]> dead = workspace.readTopic("collaborative.events.dlt").stream()
                    .filter(r -> poison.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-message"))
                    .as("the error travels with it")
                    .isNotNull();
            workspace.awaitProjectionsCaughtUp();
        }
    }
}
