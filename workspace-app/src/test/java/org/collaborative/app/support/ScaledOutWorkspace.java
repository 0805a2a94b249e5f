package org.collaborative.app.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.collaborative.app.infrastructure.embedded.EmbeddedPostgresAlone;
import org.collaborative.app.infrastructure.embedded.EmbeddedSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The product scaled out as in production, on loopback: two workspace-app instances and two projections instances, each
 * a process of its own from its built jar, against a three-node Kafka cluster ({@link KafkaCluster}: replication factor
 * 3, two in-sync replicas, {@code acks=all}), one PostgreSQL and one MongoDB server, and an SMTP server that keeps
 * what it receives. The stores run in the test's JVM; every application instance and every broker can be killed with
 * SIGKILL and started again.
 */
public final class ScaledOutWorkspace implements AutoCloseable {

    public static final String EVENTS = "collaborative.events";

    private final Path directory;
    private final RunningWorkspace.Ports stores = RunningWorkspace.Ports.free();
    private final int smtpPort = stores.another();
    private final List<Instance> apps = new ArrayList<>();
    private final List<Instance> projections = new ArrayList<>();
    private final List<Instance> rebuilds = new ArrayList<>();
    private EmbeddedPostgresAlone postgres;
    private MongoServer mongo;
    private GreenMail mail;
    private KafkaCluster kafka;
    private MongoClient mongoClient;

    private ScaledOutWorkspace(Path directory) {
        this.directory = directory;
    }

    /**
     * Starts the stores and brokers, then the first app instance, which creates the topics and writes the demo seed,
     * then the second app instance and both projections instances side by side; waits until all four are ready.
     */
    public static ScaledOutWorkspace start(Path directory, String... appArguments) {
        // The servers in this JVM (MongoDB, SMTP) and the test's Kafka clients would log each connection and config.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ScaledOutWorkspace workspace = new ScaledOutWorkspace(directory);
        try {
            workspace.startStores();
            workspace.kafka = KafkaCluster.start(directory.resolve("kafka"));
            Instance first = workspace.app(0, appArguments);
            first.launch();
            first.awaitReady(Duration.ofMinutes(8));
            Instance second = workspace.app(1, appArguments);
            second.launch();
            Instance[] views = {workspace.projections(0), workspace.projections(1)};
            for (Instance instance : views) {
                instance.launch();
            }
            second.awaitReady(Duration.ofMinutes(8));
            for (Instance instance : views) {
                instance.awaitReady(Duration.ofMinutes(8));
            }
            return workspace;
        } catch (RuntimeException | IOException | java.sql.SQLException e) {
            workspace.close();
            throw new IllegalStateException("The scaled-out workspace did not start; logs in " + directory, e);
        }
    }

    private void startStores() throws IOException, java.sql.SQLException {
        Files.createDirectories(directory);
        postgres = EmbeddedPostgresAlone.start(new EmbeddedSettings(
                directory,
                stores.postgres(),
                "collaborative",
                "collaborative",
                "collaborative",
                stores.kafka(),
                stores.kafkaController(),
                stores.mongo(),
                false));
        mongo = new MongoServer(new H2Backend(directory.resolve("views.mv").toString()));
        // One worker, as the embedded default's: per-document atomicity of conditional updates (EmbeddedMongoServer).
        mongo.bind(new InetSocketAddress("127.0.0.1", stores.mongo()), 1, 1);
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    private Instance app(int index, String... extraArguments) {
        int http = RunningWorkspace.Ports.freePort();
        List<String> command = javaJar(WorkspaceProcesses.appJar(), http);
        command.addAll(List.of(
                "--collaborative.embedded.enabled=false",
                "--collaborative.embedded.data-dir=" + directory,
                "--collaborative.embedded.postgres.port=" + stores.postgres(),
                "--collaborative.embedded.mongo.port=" + stores.mongo(),
                "--collaborative.embedded.smtp.port=" + smtpPort,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--collaborative.kafka.replication-factor=3",
                "--collaborative.kafka.min-insync-replicas=2",
                "--logging.level.org.apache.kafka=warn",
                "--logging.level.kafka=warn"));
        command.addAll(List.of(extraArguments));
        Instance app = new Instance("workspace-app-" + (index + 1), http, command);
        apps.add(app);
        return app;
    }

    /** The start of an application's command line: its jar in a JVM of its own, serving on the given port. */
    private static List<String> javaJar(String jar, int http) {
        return new ArrayList<>(List.of(
                RunningWorkspace.javaExecutable(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-jar",
                jar,
                "--server.port=" + http));
    }

    private Instance projections(int index) {
        return projections(index, "collaborative", "projection.", projections);
    }

    private Instance projections(int index, String database, String groupPrefix, List<Instance> into) {
        int http = RunningWorkspace.Ports.freePort();
        List<String> command = javaJar(RunningWorkspace.projectionsJar(), http);
        command.addAll(List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + stores.mongo() + "/" + database,
                "--collaborative.projections.group-prefix=" + groupPrefix,
                // Digests are made soon after start rather than after two quiet minutes, so that they are sent while
                // the faults happen.
                "--collaborative.digest.settle=5s",
                "--collaborative.digest.tick=5s",
                "--logging.level.org.apache.kafka=warn"));
        Instance instance = new Instance(
                (groupPrefix.equals("projection.") ? "projections-" : groupPrefix + "projections-") + (index + 1),
                http,
                command);
        into.add(instance);
        return instance;
    }

    /** A fresh build of every view from the start of the topic into another database, under other consumer groups. */
    public void startRebuild(String database, String groupPrefix) {
        Instance rebuild = projections(0, database, groupPrefix, rebuilds);
        rebuild.launch();
        rebuild.awaitReady(Duration.ofMinutes(8));
    }

    public Instance app(int index) {
        return apps.get(index);
    }

    public Instance projectionsInstance(int index) {
        return projections.get(index);
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    public GreenMail mail() {
        return mail;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + stores.postgres() + "/collaborative",
                "collaborative",
                "collaborative"));
    }

    public synchronized MongoClient mongo() {
        if (mongoClient == null) {
            mongoClient = MongoClients.create("mongodb://127.0.0.1:" + stores.mongo());
        }
        return mongoClient;
    }

    /** Waits until the publisher's token has passed every stored event. */
    public void awaitPublicationCaughtUp(Duration atMost) {
        JdbcTemplate jdbc = jdbc();
        await("publication to catch up with the event store")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
                    long published = jdbc
                            .queryForList(
                                    "select convert_from(token, 'UTF8') from token_entry where processor_name = 'kafka-publisher' and token is not null",
                                    String.class)
                            .stream()
                            .map(token -> token.replaceAll("(?s).*\"index\"\\s*:\\s*(\\d+).*", "$1"))
                            .mapToLong(Long::parseLong)
                            .min()
                            .orElse(-1L);
                    return last != null && published >= last;
                });
    }

    /** Waits until every view's consumer group with this prefix has committed the end of the events topic. */
    public void awaitProjectionsCaughtUp(String groupPrefix, Duration atMost) {
        try (Admin admin = kafka.admin()) {
            await("the " + groupPrefix + " consumer groups to catch up")
                    .atMost(atMost)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                        kafka.partitions(EVENTS)
                                .keySet()
                                .forEach(p -> latest.put(new TopicPartition(EVENTS, p), OffsetSpec.latest()));
                        Map<TopicPartition, Long> end = new HashMap<>();
                        admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
                        for (String view : RunningWorkspace.VIEWS) {
                            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                                            groupPrefix + view)
                                    .partitionsToOffsetAndMetadata()
                                    .get();
                            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                                OffsetAndMetadata at = committed.get(partition.getKey());
                                if ((at == null ? 0L : at.offset()) < partition.getValue()) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    });
        }
    }

    /** Every record of the events topic, from the beginning to its end offsets as they are now. */
    public List<ConsumerRecord<String, byte[]>> readEvents() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(EVENTS).stream()
                    .map(info -> new TopicPartition(EVENTS, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + EVENTS + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        List<Instance> all = new ArrayList<>(rebuilds);
        all.addAll(projections);
        all.addAll(apps);
        all.forEach(Instance::stop);
        if (mongoClient != null) {
            mongoClient.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One application process: launched, killed with SIGKILL, launched again with the same command and port. */
    public final class Instance {
        private final String name;
        private final int http;
        private final List<String> command;
        private Process process;

        Instance(String name, int http, List<String> command) {
            this.name = name;
            this.http = http;
            this.command = command;
        }

        void launch() {
            try {
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                directory.resolve(name + ".log").toFile()))
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start " + name, e);
            }
        }

        public void awaitReady(Duration atMost) {
            await(name + " to be ready")
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited; see " + directory.resolve(name + ".log"));
                        }
                        return RunningWorkspace.ready(url());
                    });
        }

        public String name() {
            return name;
        }

        public String url() {
            return "http://127.0.0.1:" + http;
        }

        /** SIGKILL: no shutdown hook, no graceful stop; claims and sessions are left as they were. */
        public void kill() {
            process.destroyForcibly();
            process.onExit().join();
        }

        /** Starts it again after {@link #kill()}, with the same command and port; {@link #awaitReady} waits for it. */
        public void startAgain() {
            launch();
        }

        void stop() {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }
}
