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
 * not stop them: it goes to the dead-letter topic and the events behind it arrive. An event the publisher cannot
 * publish does not stop it either: it is parked, with the later events of its aggregate, for an administrator to retry.
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

    /**
     * One event in a hundred cannot be published: its stored form cannot be read (as if written by a version whose
     * {@code QuestionPosted} took a structured title). It is parked with its error, the later event of its aggregate
     * waits behind it, and every other event is published. The administrators' page lists both; a retry while the
     * cause remains leaves them parked, and once the stored copy is repaired a retry publishes them in order.
     */
    @Test
    void anEventThePublisherCannotSendIsParkedWithTheLaterEventsOfItsAggregateAndEverythingElseFlows() {
        // A hundred questions from one person in a row: measure publication, not the posting limit.
        try (RunningWorkspace workspace =
                RunningWorkspace.start(data, RunningWorkspace.Ports.free(), "--collaborative.posting.burst=1000")) {
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            String groupId = await().atMost(Duration.ofSeconds(60))
                    .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
            tom.get("/groups/" + groupId);
            List<String> asked = new ArrayList<>();
            String poison = UUID.randomUUID().toString();
            for (int i = 0; i < 98; i++) {
                if (i == 49) {
                    storeUnreadableQuestionWithAFollower(workspace, asked.get(0), poison);
                }
                String id = UUID.randomUUID().toString();
                assertThat(tom.post(
                                        "/groups/" + groupId + "/questions",
                                        Map.of("questionId", id, "title", "Asked in a stream " + i, "body", ""))
                                .statusCode())
                        .isEqualTo(302);
                asked.add(id);
            }

            workspace.awaitPublicationCaughtUp();
            List<ConsumerRecord<String, byte[]>> records = workspace.readTopic("collaborative.events");
            Map<String, Long> perKey = records.stream()
                    .filter(r -> asked.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perKey.keySet()).as("every other event was published").isEqualTo(Set.copyOf(asked));
            assertThat(perKey.values()).as("once each").allMatch(count -> count == 1L);
            assertThat(records.stream().filter(r -> poison.equals(r.key())))
                    .as("neither the unreadable event nor the one behind it")
                    .isEmpty();
            assertThat(workspace
                            .jdbc()
                            .queryForList(
                                    "select sequence_number from dead_letter_entry where aggregate_identifier = ?"
                                            + " order by sequence_index",
                                    Long.class,
                                    poison))
                    .containsExactly(0L, 1L);

            Browser admin = workspace.browser().signIn("sam.lee@londoncouncils.example", PipelineIT.PASSWORD);
            assertThat(tom.get("/admin/parked").statusCode()).isEqualTo(403);
            String page = admin.get("/admin/parked").body();
            assertThat(page)
                    .contains(poison, "org.collaborative.events.question.QuestionPosted")
                    .contains("cannot be made into a record")
                    .contains("Waiting behind an earlier event of this aggregate");
            assertThat(admin.get("/actuator/prometheus").body())
                    .contains("collaborative_parked_events{side=\"publisher\"} 2.0");
            String head = workspace
                    .jdbc()
                    .queryForObject(
                            "select event_identifier from dead_letter_entry where aggregate_identifier = ?"
                                    + " and sequence_number = 0",
                            String.class,
                            poison);

            assertThat(admin.post("/admin/parked/" + head + "/retry", Map.of())
                            .headers()
                            .firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/parked?published=0&of=1"));
            assertThat(admin.get("/admin/parked").body()).as("still parked").contains(poison);

            // The fix: the parked copy is repaired (as an upcaster deployed for the old form would read it).
            workspace
                    .jdbc()
                    .update(
                            "update dead_letter_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                                    + " '{\"unreadable\":true}', '\"Asked before a repair\"'), 'UTF8')"
                                    + " where event_identifier = ?",
                            head);
            assertThat(admin.post("/admin/parked/retry", Map.of()).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/parked?published=1&of=1"));
            assertThat(admin.get("/admin/parked").body()).contains("Nothing is parked");
            List<String> published = workspace.readTopic("collaborative.events").stream()
                    .filter(r -> poison.equals(r.key()))
                    .map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .toList();
            assertThat(published)
                    .as("published in the order of the aggregate")
                    .containsExactly(
                            "org.collaborative.events.question.QuestionPosted",
                            "org.collaborative.events.question.QuestionClosed");
            await("the repaired question to reach the group page")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> tom.get("/groups/" + groupId).body().contains("Asked before a repair"));
        }
    }

    /**
     * Stores, next to a question Tom asked, a question whose title cannot be read as text, and its closing: the first
     * cannot be published, the second must wait behind it.
     */
    private static void storeUnreadableQuestionWithAFollower(
            RunningWorkspace workspace, String readableQuestion, String poison) {
        Map<String, Object> asked = workspace
                .jdbc()
                .queryForMap(
                        "select type, payload_type, payload_revision, convert_from(payload, 'UTF8') as payload,"
                                + " meta_data from domain_event_entry where aggregate_identifier = ?"
                                + " and sequence_number = 0",
                        readableQuestion);
        String unreadable = ((String) asked.get("payload"))
                .replace(readableQuestion, poison)
                .replaceFirst("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\":{\"unreadable\":true}");
        assertThat(unreadable).contains("{\"unreadable\":true}");
        String closedBy = unreadable.replaceFirst("(?s).*\"askedBy\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String now = java.time.Instant.now().toString();
        String insert = "insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, convert_to(?, 'UTF8'), ?)";
        workspace
                .jdbc()
                .update(
                        insert,
                        UUID.randomUUID().toString(),
                        poison,
                        0L,
                        asked.get("type"),
                        now,
                        asked.get("payload_type"),
                        asked.get("payload_revision"),
                        unreadable,
                        asked.get("meta_data"));
        workspace
                .jdbc()
                .update(
                        insert,
                        UUID.randomUUID().toString(),
                        poison,
                        1L,
                        asked.get("type"),
                        now,
                        "org.collaborative.events.question.QuestionClosed",
                        "1",
                        "{\"questionId\":\"" + poison + "\",\"closedBy\":\"" + closedBy + "\",\"closedAt\":\"" + now
                                + "\"}",
                        asked.get("meta_data"));
    }
}
