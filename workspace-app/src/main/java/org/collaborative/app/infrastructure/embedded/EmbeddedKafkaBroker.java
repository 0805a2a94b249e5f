package org.collaborative.app.infrastructure.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), started from the production classes:
 * the storage is formatted once, then {@link KafkaRaftServer} runs it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedKafkaBroker start(EmbeddedSettings settings) throws Exception {
        Path logDirectory = settings.dataDirectory().resolve("kafka");
        Files.createDirectories(logDirectory);
        Properties properties = brokerProperties(settings, logDirectory);
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(logDirectory);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaBroker(server, settings.kafkaPort());
    }

    private static Properties brokerProperties(EmbeddedSettings settings, Path logDirectory) {
        String broker = "127.0.0.1:" + settings.kafkaPort();
        String controller = "127.0.0.1:" + settings.kafkaControllerPort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + controller);
        p.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        p.put("advertised.listeners", "PLAINTEXT://" + broker);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "6");
        p.put("auto.create.topics.enable", "false");
        // One node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB log-cleaner buffer is sized for a server, not a laptop.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        // A single node has no partition leadership to hand over: a controlled shutdown only waits for itself.
        p.put("controlled.shutdown.enable", "false");
        // Without a controlled shutdown the last run's registration outlives it: on restart the broker waits for that
        // session to expire before it may register again (9 s by default), mostly while the new JVM is starting anyway.
        // Shorter is not safe: at 1.5 s a broker starved of CPU missed heartbeats and was fenced, the partitions'
        // leader epochs moved, and idempotent producers saw OutOfOrderSequenceException and re-sent batches.
        p.put("broker.session.timeout.ms", "6000");
        p.put("broker.heartbeat.interval.ms", "1000");
        if (settings.durable()) {
            // A cluster relies on replicas, not fsync; one node has none, so it writes each append to disk before it
            // acknowledges it (acks=all waits for that), like PostgreSQL's commit.
            p.put("log.flush.interval.messages", "1");
        }
        return p;
    }

    private static void format(Path logDirectory) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(new LoggingOutputStream(), true, StandardCharsets.UTF_8))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDirectory.toString())
                .setDirectories(List.of(logDirectory.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(true)
                .run();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Sends the formatter's console output to the log. */
    private static final class LoggingOutputStream extends OutputStream {
        private final StringBuilder line = new StringBuilder();

        @Override
        public void write(int b) {
            if (b == '\n') {
                log.info("kafka storage: {}", line);
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
    }
}
