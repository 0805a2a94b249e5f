package org.collaborative.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.support.RunningWorkspace;
import org.collaborative.benchmarks.Benchmarks.Figure;
import org.collaborative.events.group.GroupVisibility;

/**
 * How fast a fresh projections process builds every view from the start of {@code collaborative.events}, against a
 * plain consumer reading the same records. Each round starts the projections jar with consumer groups and a MongoDB
 * database of its own (as a rebuild would), and stops it once its groups have committed the end of the topic.
 */
final class ProjectionCatchUp {

    static final String EVENTS = "collaborative.events";
    static final String VIEW_CHANGES = "collaborative.view-changes";
    /**
     * Seeded themes the benchmark's own groups are spread over: all but the two whose first group the other figures
     * use (behaviour-change, worklessness-and-social-housing), which must keep it first.
     */
    static final List<String> THEMES = List.of(
            "climate-change-and-carbon-reduction",
            "understanding-population-flows",
            "child-poverty-and-aspiration",
            "affordable-homes-and-tenure",
            "guns-and-gangs",
            "older-people-living-independently");

    static final String CAMDEN = "E09000007";

    private static final int GROUPS = 6;
    private static final int QUESTIONS_PER_GROUP = 100;
    private static final int RAW_PASSES = 10;

    private final RunningWorkspace workspace;
    private final Path data;
    private final String tomId;
    private final String bootstrap;
    private int rebuilds;

    ProjectionCatchUp(RunningWorkspace workspace, Path data, String tomId) {
        this.workspace = workspace;
        this.data = data;
        this.tomId = tomId;
        this.bootstrap = "127.0.0.1:" + workspace.ports().kafka();
    }

    Figure figure() throws Exception {
        fillTopic();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long events = endOffsets(admin, EVENTS).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            DoubleSupplier rebuild = () -> rebuildRate(admin, events);
            DoubleSupplier raw = this::rawConsumerRate;
            return Benchmarks.rounds(
                            List.of(
                                    new Benchmarks.Spec(
                                            "Projection catch-up from the start of the topic",
                                            "events projected per second into all " + RunningWorkspace.VIEWS.size()
                                                    + " views (" + events + "-event topic, fresh groups)",
                                            "raw consumer records per second (all partitions assigned, from the beginning)",
                                            "per second",
                                            true,
                                            "each round starts the projections jar with new consumer groups (`collaborative.projections"
                                                    + ".group-prefix`) and an empty MongoDB database, on a topic of "
                                                    + events
                                                    + " events (the seed, then " + GROUPS + " groups of "
                                                    + QUESTIONS_PER_GROUP
                                                    + " questions spread over the themes). Timed from the first view change the new "
                                                    + "process announces (the record timestamp of its first notice on "
                                                    + "`collaborative.view-changes`: JVM start, Spring context and group join are "
                                                    + "excluded) to the moment, polled every 20 ms, when all its consumer groups (one "
                                                    + "per view: " + String.join(", ", RunningWorkspace.VIEWS)
                                                    + ") have committed "
                                                    + "the end offsets of every partition; events/s = topic "
                                                    + "events ÷ that interval. Baseline: one plain `KafkaConsumer` (String/byte[] "
                                                    + "deserialisers, default fetch settings) assigned all partitions, reading "
                                                    + "from `seekToBeginning` to the end offsets, timed once connected; "
                                                    + RAW_PASSES
                                                    + " such reads, each by a fresh consumer, records/s over their total time.")),
                            () -> new double[] {rebuild.getAsDouble()},
                            () -> new double[] {raw.getAsDouble()})
                    .get(0);
        }
    }

    /** The seed, then questions in groups of their own; published and projected before anything is timed. */
    private void fillTopic() {
        CommandGateway commands = workspace.bean(CommandGateway.class);
        Clock clock = workspace.bean(Clock.class);
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String group = UUID.randomUUID().toString();
            commands.sendAndWait(new FormWorkingGroup(
                    group,
                    THEMES.get(g % THEMES.size()),
                    "Catch-up benchmark group " + g,
                    "Questions for the projection benchmark.",
                    GroupVisibility.OPEN,
                    tomId,
                    CAMDEN,
                    clock.instant()));
            groups.add(group);
        }
        Benchmarks.parallel(4, t -> {
            for (int i = t; i < GROUPS * QUESTIONS_PER_GROUP; i += 4) {
                commands.sendAndWait(new PostQuestion(
                        UUID.randomUUID().toString(),
                        groups.get(i % GROUPS),
                        "How do other boroughs approach this? (" + i + ")",
                        "Some details of question " + i + ".",
                        tomId,
                        CAMDEN,
                        clock.instant()));
            }
        });
        awaitQuiet(workspace);
    }

    /** Waits until every stored event is on Kafka and the running projections have committed all of it. */
    static void awaitQuiet(RunningWorkspace workspace) {
        long started = System.nanoTime();
        await("publication to catch up")
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> workspace.publishedUpTo() >= workspace.lastStoredEvent());
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + workspace.ports().kafka()))) {
            await("the projections to catch up")
                    .atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> lag(admin, "projection.") == 0);
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (waited > 1000) {
            System.out.printf("  waited %.1f s for publication and projections to catch up%n", waited / 1000.0);
        }
    }

    /** A fresh projections process: from its first view change to all its groups at the end of the topic. */
    private double rebuildRate(Admin admin, long events) {
        int n = ++rebuilds;
        String prefix = "bench-rebuild-" + n + ".";
        String database = "bench_rebuild_" + n;
        Process process = null;
        try {
            Map<TopicPartition, Long> noticesFrom = endOffsets(admin, VIEW_CHANGES);
            process = launchProjections(database, prefix, data.resolve("bench-rebuild-" + n + ".log"));
            Process running = process;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            Map<String, Long> caughtUpAt = new java.util.TreeMap<>();
            while (true) {
                Map<String, Long> lags = lags(admin, prefix);
                lags.forEach((view, behind) -> {
                    if (behind == 0) {
                        caughtUpAt.putIfAbsent(view, System.currentTimeMillis());
                    }
                });
                if (caughtUpAt.size() == lags.size()) {
                    break;
                }
                if (!running.isAlive()) {
                    throw new IllegalStateException("The projections process exited; see " + data);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The fresh projections did not catch up within 5 minutes");
                }
                Thread.sleep(20);
            }
            long caughtUp = System.currentTimeMillis();
            long firstNotice = firstTimestamp(VIEW_CHANGES, noticesFrom);
            StringBuilder views = new StringBuilder();
            caughtUpAt.forEach(
                    (view, at) -> views.append(String.format(" %s %.1f s", view, (at - firstNotice) / 1000.0)));
            System.out.printf("  fresh projections %d: caught up after first notice:%s%n", n, views);
            return events / ((caughtUp - firstNotice) / 1000.0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            long stopping = System.nanoTime();
            stop(process);
            System.out.printf("  fresh projections %d: stopped in %.1f s%n", n, (System.nanoTime() - stopping) / 1e9);
            workspace
                    .bean(com.mongodb.client.MongoClient.class)
                    .getDatabase(database)
                    .drop();
        }
    }

    /** As RunningWorkspace starts a rebuild (same jar, memory, collector and settings), without waiting for it. */
    private Process launchProjections(String database, String groupPrefix, Path log) throws IOException {
        String jar = System.getProperty("projections.jar");
        return new ProcessBuilder(
                        ColdStart.java(),
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar,
                        "--server.port=" + RunningWorkspace.Ports.free().http(),
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--spring.mongodb.uri=mongodb://127.0.0.1:"
                                + workspace.ports().mongo() + "/" + database,
                        "--collaborative.projections.group-prefix=" + groupPrefix,
                        "--logging.level.org.apache.kafka=error")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Plain consumers, every partition assigned, each reading the topic from the beginning to the end offsets; the
     * reads are timed from seekToBeginning to the end, after the consumer has connected. A fresh consumer per pass:
     * one consumer sought back to the start would first wait out its fetch already parked at the end of the log
     * (fetch.max.wait.ms), which is not reading.
     */
    private double rawConsumerRate() {
        long records = 0;
        long reading = 0;
        for (int pass = 0; pass < RAW_PASSES; pass++) {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
                List<TopicPartition> partitions = partitions(consumer, EVENTS);
                consumer.assign(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long started = System.nanoTime();
                consumer.seekToBeginning(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    records += consumer.poll(Duration.ofMillis(100)).count();
                }
                reading += System.nanoTime() - started;
            }
        }
        return records / (reading / 1e9);
    }

    /** The earliest record timestamp on a topic after the given offsets, up to its end offsets now. */
    private long firstTimestamp(String topic, Map<TopicPartition, Long> from) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long first = Long.MAX_VALUE;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    first = Math.min(first, record.timestamp());
                }
            }
            if (first == Long.MAX_VALUE) {
                throw new IllegalStateException("The fresh projections announced no view change");
            }
            return first;
        }
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return config;
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /** Records of collaborative.events not yet committed, summed over the three view groups with this prefix. */
    static long lag(Admin admin, String groupPrefix) throws Exception {
        return lags(admin, groupPrefix).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Per view: records of collaborative.events its group (with this prefix) has not yet committed. */
    static Map<String, Long> lags(Admin admin, String groupPrefix) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(admin, EVENTS);
        Map<String, Long> lags = new HashMap<>();
        for (String view : RunningWorkspace.VIEWS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupPrefix + view)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                OffsetAndMetadata at = committed.get(partition.getKey());
                lag += Math.max(0, partition.getValue() - (at == null ? 0L : at.offset()));
            }
            lags.put(view, lag);
        }
        return lags;
    }
}
