package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.Browser;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.benchmarks.Benchmarks.Figure;
import org.collaborative.benchmarks.Benchmarks.Spec;
import org.collaborative.events.group.GroupVisibility;

/**
 * From a command to the live update on a viewer's screen, at a fixed rate, against the two raw hops it is built on:
 * a Kafka record from producer to consumer, and a MongoDB insert, measured at the same rate on the same servers.
 */
final class LiveLatency {

    static final int PER_SECOND = 50;
    static final int COMMANDS = 250;
    /** After one warm-up round the median was still falling round after round (JIT of both JVMs): three. */
    static final int WARM_UPS = 3;

    private static final String TOM = "tom.hughes@camden.example";
    private static final String PASSWORD = "collaborate-in-london";
    private static final String RAW_TOPIC = "bench.latency";

    private final RunningWorkspace workspace;
    private final String tomId;
    private final ObjectMapper json = new ObjectMapper();
    private int round;

    LiveLatency(RunningWorkspace workspace, String tomId) {
        this.workspace = workspace;
        this.tomId = tomId;
    }

    List<Figure> figures() throws Exception {
        Browser tom = workspace.browser().signIn(TOM, PASSWORD);
        int size = workspace
                .jdbc()
                .queryForObject(
                        "select coalesce(avg(length(payload)), 300)::int from domain_event_entry where payload_type like '%QuestionPosted'",
                        Integer.class);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()));
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
                MongoClient mongo = MongoClients.create(
                        "mongodb://127.0.0.1:" + workspace.ports().mongo())) {
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 6, (short) 1)))
                    .all()
                    .get();
            // As for the raw producer figure: one record per partition of the new topic before anything is timed.
            for (int partition = 0; partition < 6; partition++) {
                producer.send(new ProducerRecord<>(RAW_TOPIC, partition, "probe", new byte[size]))
                        .get(2, TimeUnit.MINUTES);
            }
            MongoCollection<Document> inserts = mongo.getDatabase("bench").getCollection("latency");
            ProjectionCatchUp.awaitQuiet(workspace);
            String rate = PER_SECOND + " commands/s, " + COMMANDS + " per round";
            String note = "a viewer (Tom's signed-in session) holds `/groups/{id}/live` open on a group formed for the "
                    + "round, each round starting once publication and every projection have caught up; "
                    + "`PostQuestion` commands go to the `CommandGateway` on an open-loop schedule of "
                    + PER_SECOND + "/s (16 sender threads; a late send still counts from its scheduled time). "
                    + "Latency = scheduled send → the viewer's server-sent `group-page-changed` event for that "
                    + "question (matched through the notice's event id on `collaborative.view-changes`). It spans "
                    + "the event-store append, publication to Kafka, the group-page projection (read and rewrite "
                    + "of the group's document in MongoDB), the notice on Kafka and the web app's SSE push; the "
                    + "page's fetch of the fresh fragment after the event is not included. Baseline, at the same "
                    + "rate and the same time: a producer (acks=all, idempotent, linger 1 ms) to a 6-partition "
                    + "topic read by a plain assigned consumer, send → receive, plus a plain `MongoClient` "
                    + "`insertOne` of a " + size + "-byte document, scheduled time → acknowledged; the baseline "
                    + "is the Kafka percentile plus the MongoDB percentile. " + WARM_UPS + " warm-up rounds "
                    + "(not 1) are discarded: after one, the subject's median still fell from round to round.";
            return Benchmarks.rounds(
                    List.of(
                            new Spec(
                                    "Command to live screen, p50",
                                    "p50 command → SSE update, ms (" + rate + ")",
                                    "Kafka end-to-end p50 + MongoDB insert p50, ms (" + PER_SECOND + "/s each)",
                                    "ms",
                                    false,
                                    note),
                            new Spec(
                                    "Command to live screen, p99",
                                    "p99 command → SSE update, ms (" + rate + ")",
                                    "Kafka end-to-end p99 + MongoDB insert p99, ms (" + PER_SECOND + "/s each)",
                                    "ms",
                                    false,
                                    "as for p50.")),
                    WARM_UPS,
                    () -> screen(tom),
                    () -> raw(producer, inserts, size));
        }
    }

    // --- subject -------------------------------------------------------------------------------------------------

    private double[] screen(Browser tom) {
        ProjectionCatchUp.awaitQuiet(workspace);
        int n = ++round;
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        String group = UUID.randomUUID().toString();
        try (KafkaConsumer<String, byte[]> notices = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = ProjectionCatchUp.partitions(notices, ProjectionCatchUp.VIEW_CHANGES);
            notices.assign(partitions);
            notices.seekToEnd(partitions);
            partitions.forEach(notices::position);

            commands.sendAndWait(new FormWorkingGroup(
                    group,
                    ProjectionCatchUp.THEMES.get(n % ProjectionCatchUp.THEMES.size()),
                    "Live benchmark group " + n,
                    "Questions for the live-update benchmark.",
                    GroupVisibility.OPEN,
                    tomId,
                    ProjectionCatchUp.CAMDEN,
                    clock.instant()));
            await("the new group's page")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> tom.get("/groups/" + group).statusCode() == 200);
            long mark = workspace.lastStoredEvent();

            long[] due = new long[COMMANDS];
            String[] questions = new String[COMMANDS];
            List<Long> arrivals;
            try (LiveStream live =
                    new LiveStream(workspace.baseUrl() + "/groups/" + group + "/live", tom.cookieHeader())) {
                ExecutorService senders = Executors.newFixedThreadPool(16);
                try {
                    List<Future<?>> sends = new ArrayList<>();
                    long interval = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
                    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
                    for (int i = 0; i < COMMANDS; i++) {
                        due[i] = start + i * interval;
                        questions[i] = UUID.randomUUID().toString();
                        sleepUntil(due[i]);
                        String question = questions[i];
                        String title = "What did the pilot cost? (" + i + ")";
                        sends.add(senders.submit(() -> commands.sendAndWait(new PostQuestion(
                                question, group, title, "", tomId, ProjectionCatchUp.CAMDEN, clock.instant()))));
                    }
                    for (Future<?> send : sends) {
                        send.get(2, TimeUnit.MINUTES);
                    }
                } finally {
                    senders.shutdownNow();
                }
                arrivals = live.questionNotices(COMMANDS, Duration.ofMinutes(2));
            }

            List<String> eventIds = questionNotices(notices, group, COMMANDS);
            Map<String, String> aggregateOf = new HashMap<>();
            workspace
                    .jdbc()
                    .query(
                            "select event_identifier, aggregate_identifier from domain_event_entry where global_index > ?",
                            row -> {
                                aggregateOf.put(row.getString(1), row.getString(2));
                            },
                            mark);
            Map<String, Integer> sent = new HashMap<>();
            for (int i = 0; i < COMMANDS; i++) {
                sent.put(questions[i], i);
            }
            double[] latencies = new double[COMMANDS];
            for (int k = 0; k < COMMANDS; k++) {
                Integer i = sent.get(aggregateOf.get(eventIds.get(k)));
                if (i == null) {
                    throw new IllegalStateException(
                            "A notice for an event this round did not send: " + eventIds.get(k));
                }
                latencies[k] = (arrivals.get(k) - due[i]) / 1e6;
            }
            return new double[] {percentile(latencies, 0.50), percentile(latencies, 0.99)};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event ids of the group's question notices on collaborative.view-changes, in the order they were sent. */
    private List<String> questionNotices(KafkaConsumer<String, byte[]> notices, String group, int expected)
            throws IOException {
        List<String> eventIds = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (eventIds.size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + eventIds.size() + " question notices on view-changes");
            }
            for (ConsumerRecord<String, byte[]> record : notices.poll(Duration.ofMillis(200))) {
                JsonNode notice = json.readTree(record.value());
                if (notice.path("view").asText().equals("group-page")
                        && notice.path("id").asText().equals(group)
                        && notice.path("eventType").asText().equals("QuestionPosted")) {
                    eventIds.add(notice.path("eventId").asText());
                }
            }
        }
        if (eventIds.size() != expected) {
            throw new IllegalStateException(eventIds.size() + " question notices for " + expected + " questions");
        }
        return eventIds;
    }

    /**
     * A viewer's server-sent event stream, read line by line as a browser would; records when each group-page
     * notice of a posted question arrives. Closing it closes the connection.
     */
    private static final class LiveStream implements AutoCloseable {

        private final InputStream body;
        private final Thread reader;
        private final CountDownLatch connected = new CountDownLatch(1);
        private final BlockingQueue<Long> questionNotices = new LinkedBlockingQueue<>();

        LiveStream(String url, String cookie) throws Exception {
            HttpResponse<InputStream> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Accept", "text/event-stream")
                                    .header("Cookie", cookie)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            body = response.body();
            reader = new Thread(this::read, "live-stream");
            reader.setDaemon(true);
            reader.start();
            if (!connected.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The live stream did not connect");
            }
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = null;
                long at = 0;
                String line;
                while ((line = lines.readLine()) != null) {
                    long now = System.nanoTime();
                    if (line.equals(":connected")) {
                        connected.countDown();
                    } else if (line.startsWith("event:")) {
                        event = line.substring("event:".length());
                        at = now;
                    } else if (line.startsWith("data:")) {
                        if ("group-page-changed".equals(event)
                                && line.substring("data:".length()).equals("QuestionPosted")) {
                            questionNotices.add(at);
                        }
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            } catch (IOException closed) {
                // Closed by close().
            }
        }

        List<Long> questionNotices(int expected, Duration within) throws InterruptedException {
            List<Long> arrivals = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (arrivals.size() < expected) {
                Long at = questionNotices.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (at == null) {
                    throw new IllegalStateException(
                            "Only " + arrivals.size() + " of " + expected + " live updates arrived");
                }
                arrivals.add(at);
            }
            return arrivals;
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    // --- baseline ------------------------------------------------------------------------------------------------

    /** Kafka send → receive and MongoDB inserts, both at the same fixed rate at the same time. */
    private double[] raw(KafkaProducer<String, byte[]> producer, MongoCollection<Document> inserts, int size) {
        ProjectionCatchUp.awaitQuiet(workspace);
        int n = ++round;
        long[] due = new long[COMMANDS];
        long[] received = new long[COMMANDS];
        long[] inserted = new long[COMMANDS];
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch allReceived = new CountDownLatch(COMMANDS);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread consumerThread = new Thread(
                () -> {
                    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
                        List<TopicPartition> partitions = ProjectionCatchUp.partitions(consumer, RAW_TOPIC);
                        consumer.assign(partitions);
                        consumer.seekToEnd(partitions);
                        partitions.forEach(consumer::position);
                        assigned.countDown();
                        while (allReceived.getCount() > 0 && !stop.get()) {
                            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                                long now = System.nanoTime();
                                ByteBuffer value = ByteBuffer.wrap(record.value());
                                if (value.remaining() >= 8 && value.getInt() == n) {
                                    received[value.getInt()] = now;
                                    allReceived.countDown();
                                }
                            }
                        }
                    }
                },
                "latency-consumer");
        consumerThread.start();
        ExecutorService mongoSenders = Executors.newFixedThreadPool(16);
        try {
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The latency consumer did not get its partitions");
            }
            String body = "x".repeat(Math.max(0, size - 120));
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            List<Future<?>> writes = new ArrayList<>();
            long interval = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            for (int i = 0; i < COMMANDS; i++) {
                due[i] = start + i * interval;
                sleepUntil(due[i]);
                byte[] value = ByteBuffer.allocate(Math.max(8, size))
                        .putInt(n)
                        .putInt(i)
                        .array();
                sends.add(producer.send(
                        new ProducerRecord<>(RAW_TOPIC, UUID.randomUUID().toString(), value)));
                int index = i;
                writes.add(mongoSenders.submit(() -> {
                    inserts.insertOne(new Document("_id", UUID.randomUUID().toString())
                            .append("groupId", "raw-latency")
                            .append("title", "What did the pilot cost? (" + index + ")")
                            .append("body", body)
                            .append("round", n));
                    inserted[index] = System.nanoTime();
                }));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(2, TimeUnit.MINUTES);
            }
            for (Future<?> write : writes) {
                write.get(2, TimeUnit.MINUTES);
            }
            if (!allReceived.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Only " + (COMMANDS - allReceived.getCount()) + " records arrived");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            mongoSenders.shutdownNow();
            stop.set(true);
        }
        try {
            consumerThread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double[] kafka = new double[COMMANDS];
        double[] mongo = new double[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            kafka[i] = (received[i] - due[i]) / 1e6;
            mongo[i] = (inserted[i] - due[i]) / 1e6;
        }
        return new double[] {
            percentile(kafka, 0.50) + percentile(mongo, 0.50), percentile(kafka, 0.99) + percentile(mongo, 0.99)
        };
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Parks rather than spins: on two cores a spinning scheduler would take a core from the system measured. */
    static void sleepUntil(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    static double percentile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * quantile) - 1];
    }

    private String bootstrap() {
        return "127.0.0.1:" + workspace.ports().kafka();
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }
}
