package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.collaborative.app.infrastructure.embedded.EmbeddedStack;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the Kafka broker down, people can still post: the events are stored, publication waits, and when the broker is
 * back it catches up. Nothing is lost and nothing is published twice. And a record a view cannot read or apply does
 * not stop it: the view parks it, with the later records of its aggregate, and the events behind it arrive. An event
 * the publisher cannot publish does not stop it either: it is parked, with the later events of its aggregate. Both
 * are listed for an administrator to retry once the cause is fixed (ADR 27).
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
     * view retries it with back-off, parks it, and goes on to the events behind it. Then one view cannot apply a
     * question's answer (the items view's document of that question was damaged): the items view parks it, with the
     * question's next answer behind it, while another question's answer, and the other views, flow on. The page and
     * the metric show them; once the document is repaired, a retry from the page applies both answers in order.
     */
    @Test
    void aRecordAViewCannotReadOrApplyIsParkedForThatViewWithTheLaterRecordsOfItsAggregateAndEverythingElseFlows()
            throws Exception {
        try (RunningWorkspace workspace = RunningWorkspace.start(data, RunningWorkspace.Ports.free())) {
            Browser tom = workspace.browser().signIn(PipelineIT.TOM, PipelineIT.PASSWORD);
            String groupId = await().atMost(Duration.ofSeconds(60))
                    .until(() -> tom.firstGroupOn("behaviour-change"), id -> id != null);
            workspace.awaitPublicationCaughtUp();
            workspace.awaitProjectionsCaughtUp();
            MongoCollection<Document> parked = workspace
                    .bean(MongoClient.class)
                    .getDatabase("collaborative")
                    .getCollection("parked-records");
            MongoCollection<Document> items = workspace
                    .bean(MongoClient.class)
                    .getDatabase("collaborative")
                    .getCollection("items");

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
            String damaged = ask(tom, groupId, "Asked behind an unreadable event");
            String other = ask(tom, groupId, "Asked beside a damaged item");

            await("the question behind the unreadable record to reach the group page")
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> tom.get("/groups/" + groupId).body().contains("Asked behind an unreadable event"));
            int expected = partitions * RunningWorkspace.VIEWS.size();
            await("every view to park the unreadable record once per partition")
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> parked.countDocuments(
                                    Filters.and(Filters.in("view", RunningWorkspace.VIEWS), Filters.eq("key", poison)))
                            == expected);
            assertThat(workspace.readTopic("collaborative.events.dlt"))
                    .as("nothing goes to the dead-letter topic any more")
                    .isEmpty();

            // The items view's document of one question is damaged (as if written by another version).
            await("both questions to reach the items view")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> items.countDocuments(Filters.in("_id", damaged, other)) == 2);
            java.util.Date createdAt =
                    items.find(Filters.eq("_id", damaged)).first().getDate("createdAt");
            items.updateOne(Filters.eq("_id", damaged), Updates.set("createdAt", new Document("at", "?")));
            CommandGateway commands = workspace.bean(CommandGateway.class);
            Clock clock = workspace.bean(Clock.class);
            Actor actor = new Actor(
                    UUID.nameUUIDFromBytes(("demo-member:" + PipelineIT.TOM).getBytes(StandardCharsets.UTF_8))
                            .toString(),
                    "E09000007",
                    MemberRole.SERVICE_LEADER);
            commands.sendAndWait(new AnswerQuestion(damaged, "a1", "The first answer", actor, clock.instant()));
            commands.sendAndWait(new AnswerQuestion(other, "b1", "An answer beside it", actor, clock.instant()));
            commands.sendAndWait(new AnswerQuestion(damaged, "a2", "The second answer", actor, clock.instant()));

            await("the other question's answer to reach the items view")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> answers(items, other).equals(List.of("b1")));
            await("the items view to park the damaged question's answers, the second behind the first")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> sequence(parked, damaged).size() == 2);
            List<Document> sequence = sequence(parked, damaged);
            assertThat(sequence.get(0).getString("error"))
                    .as("the first, with its error")
                    .isNotBlank();
            assertThat(sequence.get(1).getString("error"))
                    .as("the second only waits")
                    .isNull();
            assertThat(sequence)
                    .extracting(record -> record.getString("eventType"))
                    .containsOnly("org.collaborative.events.question.QuestionAnswered");
            await("the search index, another view, to apply the same answers")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> String.valueOf(workspace
                                    .bean(MongoClient.class)
                                    .getDatabase("collaborative")
                                    .getCollection("search-index")
                                    .find(Filters.eq("_id", damaged))
                                    .first())
                            .contains("The second answer"));
            assertThat(parked.countDocuments(
                            Filters.and(Filters.eq("view", "search-index"), Filters.eq("key", damaged))))
                    .isZero();

            Browser admin = workspace.browser().signIn("sam.lee@londoncouncils.example", PipelineIT.PASSWORD);
            String page = admin.get("/admin/parked").body();
            assertThat(page)
                    .contains("Parked by the projections", damaged, poison)
                    .contains("Unknown event type org.collaborative.events.NoSuchEvent")
                    .contains("Waiting behind an earlier record of this aggregate");
            String metrics = "http://127.0.0.1:" + workspace.ports().projectionsHttp() + "/actuator/prometheus";
            await("the projections to count the items view's parked records")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> java.net.http.HttpClient.newHttpClient()
                            .send(
                                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(metrics))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body()
                            .contains("collaborative_parked_events{side=\"projections\",view=\"items\"} "
                                    + (partitions + 2) + ".0"));

            // The fix: the document is repaired. A retry from the page applies both answers, in order.
            items.updateOne(Filters.eq("_id", damaged), Updates.set("createdAt", createdAt));
            assertThat(admin.post(
                                    "/admin/parked/views/items/retry",
                                    Map.of(
                                            "partition",
                                            String.valueOf(sequence.get(0).getInteger("partition")),
                                            "key",
                                            damaged))
                            .headers()
                            .firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/parked?requested=1"));
            await("the projections to carry out the retry")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> sequence(parked, damaged).isEmpty());
            assertThat(answers(items, damaged)).as("applied in order").containsExactly("a1", "a2");
            assertThat(admin.get("/admin/parked").body())
                    .doesNotContain(damaged)
                    .contains(poison);
        }
    }

    private static String ask(Browser tom, String groupId, String title) {
        String id = UUID.randomUUID().toString();
        assertThat(tom.post("/groups/" + groupId + "/questions", Map.of("questionId", id, "title", title, "body", ""))
                        .statusCode())
                .isEqualTo(302);
        return id;
    }

    /** The items view's parked records of a question, in order. */
    private static List<Document> sequence(MongoCollection<Document> parked, String key) {
        return parked.find(Filters.and(Filters.eq("view", "items"), Filters.eq("key", key)))
                .sort(new Document("offset", 1))
                .into(new ArrayList<>());
    }

    private static List<String> answers(MongoCollection<Document> items, String id) {
        Document item = items.find(Filters.eq("_id", id)).first();
        return item == null
                ? List.of()
                : item.getList("answers", Document.class, List.of()).stream()
                        .map(answer -> answer.getString("answerId"))
                        .toList();
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
                    .hasValueSatisfying(
                            location -> assertThat(location).endsWith("/admin/parked?published=1&of=1&requested=0"));
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
            // Listed by when it was asked, among the hundred: on the group's third page of twenty, not the first.
            await("the repaired question to reach the group's pages")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> onAPageOf(tom, groupId, "Asked before a repair"));
        }
    }

    /** Whether one of the group's pages of questions, newest first, shows the text. */
    private static boolean onAPageOf(Browser reader, String groupId, String text) {
        for (int page = 1; ; page++) {
            String body = reader.get("/groups/" + groupId + "?page=" + page).body();
            if (body.contains(text)) {
                return true;
            }
            if (!body.contains("rel=\"next\"")) {
                return false;
            }
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
