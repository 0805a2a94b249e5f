package org.collaborative.app.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import org.collaborative.app.WorkspaceApplication;
import org.collaborative.app.infrastructure.embedded.EmbeddedStack;
import org.collaborative.app.infrastructure.embedded.UnindexedQueries;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole product on the embedded default, as README's run command starts it: the workspace app (which starts
 * PostgreSQL, Kafka and the MongoDB wire server in its JVM) and the projections application as a separate process
 * from its built jar. Everything listens on free loopback ports, with its data in the folder given.
 */
public final class RunningWorkspace implements AutoCloseable {

    /** The loopback ports of one running workspace. */
    public record Ports(int http, int projectionsHttp, int postgres, int kafka, int kafkaController, int mongo) {

        /**
         * Six different free ports: each socket stays open until all six are chosen, or the system may hand the same
         * port out twice (seen: Kafka's broker and controller listeners on one port, and the broker refused to start).
         */
        public static Ports free() {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    sockets.add(new ServerSocket(0));
                }
                int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
                return new Ports(p[0], p[1], p[2], p[3], p[4], p[5]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                for (ServerSocket socket : sockets) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // Closing a listening socket that accepted nothing.
                    }
                }
            }
        }

        /** One more free port, none of these six. */
        public int another() {
            List<Integer> taken = List.of(http, projectionsHttp, postgres, kafka, kafkaController, mongo);
            int port;
            do {
                port = freePort();
            } while (taken.contains(port));
            return port;
        }

        static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The views the projections build (collections, and consumer groups after the prefix). */
    public static final List<String> VIEWS = List.of(
            "theme-list",
            "group-page",
            "organisations",
            "items",
            "search-index",
            "moderation",
            "follows",
            "practices",
            "adoptions",
            "digest-activity",
            "notification-settings",
            "practice-spread",
            "retreats",
            "board",
            "commitments");

    private final Path dataDirectory;
    private final Ports ports;
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();
    private com.mongodb.client.MongoClient testClient;
    private MongoTemplate testMongo;
    /** The embedded SMTP server's port: the first instance runs it, every instance sends digests to it. */
    private final int smtpPort;

    private Process projections;
    private final List<Process> rebuilds = new ArrayList<>();

    private RunningWorkspace(Path dataDirectory, Ports ports) {
        this.dataDirectory = dataDirectory;
        this.ports = ports;
        this.smtpPort = ports.another();
    }

    public static RunningWorkspace start(Path dataDirectory, Ports ports) {
        return start(dataDirectory, ports, new String[0]);
    }

    /**
     * Starts the workspace with extra {@code --name=value} arguments for its first web instance. An empty data folder
     * starts from a copy of the seeded template (see {@link SeededTemplate}) unless the arguments change the seed.
     */
    public static RunningWorkspace start(Path dataDirectory, Ports ports, String... extraArguments) {
        boolean fromTemplate = SeededTemplate.serves(dataDirectory, extraArguments);
        if (fromTemplate) {
            SeededTemplate.copyInto(dataDirectory);
        }
        long started = System.nanoTime();
        RunningWorkspace workspace = startAsIs(dataDirectory, ports, extraArguments);
        System.out.printf(
                "Started the workspace %s in %d ms%n",
                fromTemplate ? "from the seeded template" : "on its data folder as it was",
                (System.nanoTime() - started) / 1_000_000);
        return workspace;
    }

    /**
     * Starts the workspace on the data folder as it is, never from the template: an empty one is seeded from scratch in
     * this stack (for a test of what seeding itself does or logs).
     */
    public static RunningWorkspace startAsIs(Path dataDirectory, Ports ports, String... extraArguments) {
        RunningWorkspace workspace = new RunningWorkspace(dataDirectory, ports);
        try {
            // Both start at once, as run.sh starts them: the projections' JVM and context come up while this JVM
            // starts the servers and the app (their clients wait for Kafka and MongoDB to answer).
            workspace.projections =
                    workspace.launchProjections(ports.projectionsHttp(), "collaborative", "projection.");
            List<String> arguments = new ArrayList<>(List.of(workspace.appArguments(true, ports.http())));
            arguments.addAll(List.of(extraArguments));
            workspace.apps.add(
                    new SpringApplicationBuilder(WorkspaceApplication.class).run(arguments.toArray(String[]::new)));
            workspace.awaitReady(workspace.baseUrl());
            workspace.awaitProjectionsReady();
            return workspace;
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    /** Starts a second web instance against the same stack (the embedded servers stay with the first). */
    public String startAnotherWebInstance(String... extraArguments) {
        int http = Ports.free().http();
        List<String> arguments = new ArrayList<>(List.of(appArguments(false, http)));
        arguments.addAll(List.of(extraArguments));
        apps.add(new SpringApplicationBuilder(WorkspaceApplication.class).run(arguments.toArray(String[]::new)));
        String url = "http://127.0.0.1:" + http;
        awaitReady(url);
        return url;
    }

    /** As command-line arguments, which take precedence over application.yml. */
    private String[] appArguments(boolean embedded, int httpPort) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", httpPort);
        properties.put("collaborative.embedded.enabled", embedded);
        properties.put("collaborative.embedded.data-dir", dataDirectory.toString());
        properties.put("collaborative.embedded.postgres.port", ports.postgres());
        properties.put("collaborative.embedded.kafka.port", ports.kafka());
        properties.put("collaborative.embedded.kafka.controller-port", ports.kafkaController());
        properties.put("collaborative.embedded.mongo.port", ports.mongo());
        properties.put("collaborative.embedded.smtp.port", smtpPort);
        // The one place the tests trade durability for speed: the stores answer before their writes reach the disk
        // (fsync, synchronous_commit and full_page_writes off; no flush per Kafka append or MVStore sync). A crashed
        // process still loses nothing; only a crash of the machine would. DurabilityIT runs the durable default.
        properties.put("collaborative.embedded.durable", false);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "warn");
        properties.put("logging.level.org.apache.kafka", "error");
        properties.put("logging.level.kafka", "error");
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    public void startProjections() {
        projections = launchProjections(ports.projectionsHttp(), "collaborative", "projection.");
        awaitProjectionsReady();
    }

    private void awaitProjectionsReady() {
        await("the projections application to be ready")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .until(this::projectionsReady);
    }

    /**
     * Starts another projections process that builds every view from the start of the topic into another database,
     * under its own consumer groups: a fresh rebuild to compare with.
     */
    public Process startRebuild(int httpPort, String database, String groupPrefix) {
        Process rebuild = launchProjections(httpPort, database, groupPrefix);
        rebuilds.add(rebuild);
        await("the rebuild to be ready").atMost(Duration.ofSeconds(90)).until(() -> {
            if (!rebuild.isAlive()) {
                throw new IllegalStateException("The rebuild exited");
            }
            return ready("http://127.0.0.1:" + httpPort);
        });
        return rebuild;
    }

    /**
     * Runs the projections jar's operator command line ({@code rebuild <view> ...}) against this stack's MongoDB and
     * returns its exit status and what it printed.
     */
    public CommandResult projectionsCommand(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(), "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", projectionsJar()));
        command.addAll(List.of(arguments));
        command.add("--mongodb-uri=mongodb://127.0.0.1:" + ports.mongo() + "/collaborative");
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("The command did not finish: " + output);
            }
            return new CommandResult(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run the projections command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a command-line run ended with. */
    public record CommandResult(int exitStatus, String output) {}

    static String projectionsJar() {
        String jar = System.getProperty("projections.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("The projections jar is not built (projections.jar=" + jar + ")");
        }
        return jar;
    }

    /** Kills the projections process outright (SIGKILL), as a crash would. */
    public void killProjections() {
        projections.destroyForcibly();
        try {
            projections.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process launchProjections(int httpPort, String database, String groupPrefix) {
        String jar = projectionsJar();
        List<String> launch = ClassDataSharing.launchOptions(jar);
        try {
            Files.createDirectories(dataDirectory);
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC"));
            command.addAll(launch);
            command.addAll(List.of(
                    "--server.port=" + httpPort,
                    "--spring.kafka.bootstrap-servers=127.0.0.1:" + ports.kafka(),
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + ports.mongo() + "/" + database,
                    "--collaborative.projections.group-prefix=" + groupPrefix,
                    "--logging.level.org.apache.kafka=error"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDirectory.resolve("projections.log").toFile()))
                    .start();
            ClassDataSharing.launched(jar, launch, process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the projections application", e);
        }
    }

    private boolean projectionsReady() {
        if (!projections.isAlive()) {
            throw new IllegalStateException(
                    "The projections application exited; see " + dataDirectory.resolve("projections.log"));
        }
        return ready("http://127.0.0.1:" + ports.projectionsHttp());
    }

    /**
     * The query shapes, from either application, that the MongoDB stand-in found no declared index would serve on a
     * real MongoDB (see ViewIndexes).
     */
    public java.util.Set<String> unindexedQueries() {
        return EmbeddedStack.current().orElseThrow().unindexedQueries().found();
    }

    /** Waits for an instance's readiness probe (for the web app: up, and listening for live updates). */
    public void awaitReady(String url) {
        await("ready: " + url)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ready(url));
    }

    static boolean ready(String url) {
        try {
            HttpResponse<Void> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the projections application the way an orchestrator does: SIGTERM, then wait. */
    public void stopProjections() {
        if (projections != null && projections.isAlive()) {
            projections.destroy();
            try {
                projections.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ports.http();
    }

    public Ports ports() {
        return ports;
    }

    /**
     * The settings a second process of the workspace jar needs to reach this stack (its embedded servers stay with
     * the first instance), less the port: the operator's command line ({@code create-administrator}) takes these.
     */
    public String[] operatorArguments() {
        return java.util.Arrays.stream(appArguments(false, 0))
                .filter(argument -> !argument.startsWith("--server.port="))
                .toArray(String[]::new);
    }

    public Browser browser() {
        return new Browser(baseUrl());
    }

    public <T> T bean(Class<T> type) {
        return apps.get(0).getBean(type);
    }

    /** A bean of the n-th web instance (0 is the first, which runs the embedded stack). */
    public <T> T bean(int instance, Class<T> type) {
        return apps.get(instance).getBean(type);
    }

    public JdbcTemplate jdbc() {
        return apps.get(0).getBean(JdbcTemplate.class);
    }

    public MongoTemplate mongo() {
        return apps.get(0).getBean(MongoTemplate.class);
    }

    /**
     * The views as a test reads them, through a client of its own that the MongoDB stand-in knows by name: its
     * queries are the test's, not the product's, so they are not held to the declared indexes (see
     * {@link #unindexedQueries()}).
     */
    public synchronized MongoTemplate testMongo() {
        if (testMongo == null) {
            testClient = com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder()
                    .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + ports.mongo()))
                    .applicationName(UnindexedQueries.UNCHECKED_CLIENT)
                    .build());
            testMongo = new MongoTemplate(testClient, "collaborative");
        }
        return testMongo;
    }

    /** Every record on a topic, read from the beginning to the end offsets as they are now. */
    public List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
        return readTopic(ports.kafka(), topic);
    }

    /** Every record on a topic of the broker on this loopback port, from the beginning to the end offsets as they are now. */
    public static List<ConsumerRecord<String, byte[]>> readTopic(int kafkaPort, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** How far the kafka-publisher processor has got, as the global index in its token. */
    public long publishedUpTo() {
        List<String> tokens = jdbc().queryForList(
                        "select convert_from(token, 'UTF8') from token_entry where processor_name = 'kafka-publisher' and token is not null",
                        String.class);
        return tokens.stream()
                .map(token -> token.replaceAll("(?s).*\"index\"\\s*:\\s*(\\d+).*", "$1"))
                .mapToLong(Long::parseLong)
                .min()
                .orElse(-1L);
    }

    /** How many events the store holds for one aggregate. */
    public long eventCount(String aggregateId) {
        return jdbc().queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        aggregateId);
    }

    public long lastStoredEvent() {
        Long last = jdbc().queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return last == null ? -1L : last;
    }

    /** Waits until every stored event has been published. */
    public void awaitPublicationCaughtUp() {
        await("publication to catch up with the event store")
                .atMost(Duration.ofSeconds(60))
                .until(() -> publishedUpTo() >= lastStoredEvent());
    }

    /** Waits until every projection's consumer group has committed the end of collaborative.events. */
    public void awaitProjectionsCaughtUp() {
        awaitProjectionsCaughtUp("projection.");
    }

    /** Waits until the consumer groups with this prefix have committed the end of collaborative.events. */
    public void awaitProjectionsCaughtUp(String groupPrefix) {
        awaitProjectionsCaughtUp(groupPrefix, Duration.ofSeconds(60));
    }

    /** The same, for as long as given: a generated history takes longer to project than a test's few commands. */
    public void awaitProjectionsCaughtUp(String groupPrefix, Duration atMost) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.kafka());
        try (Admin admin = Admin.create(config)) {
            await("the projections to catch up").atMost(atMost).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of("collaborative.events"))
                        .allTopicNames()
                        .get()
                        .get("collaborative.events")
                        .partitions()
                        .forEach(p -> latest.put(
                                new TopicPartition("collaborative.events", p.partition()), OffsetSpec.latest()));
                Map<TopicPartition, Long> end = new HashMap<>();
                admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
                for (String group :
                        VIEWS.stream().map(view -> groupPrefix + view).toList()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get();
                    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                        OffsetAndMetadata at = committed.get(partition.getKey());
                        long position = at == null ? 0L : at.offset();
                        if (position < partition.getValue()) {
                            return false;
                        }
                    }
                }
                return true;
            });
        }
    }

    @Override
    public void close() {
        for (Process rebuild : rebuilds) {
            rebuild.destroy();
            try {
                rebuild.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rebuilds.clear();
        if (testClient != null) {
            testClient.close();
            testClient = null;
            testMongo = null;
        }
        stopProjections();
        for (int i = apps.size() - 1; i >= 0; i--) {
            apps.get(i).close();
        }
        apps.clear();
        EmbeddedStack.stop();
    }
}
