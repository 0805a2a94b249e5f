package org.collaborative.app.support;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One node of a real three-node Kafka cluster (KRaft, broker and controller in one process), as docker/compose.yaml
 * runs them: replication factor 3 and two in-sync replicas for every topic, internal ones included. A process of its
 * own ({@link KafkaCluster} starts three), so that a test can kill it with SIGKILL, as a machine failure would.
 *
 * <p>Arguments: node id, broker port, controller port, the quorum's voters ({@code 1@127.0.0.1:port,...}), log
 * directory, cluster id.
 */
public final class KafkaNode {

    private KafkaNode() {}

    public static void main(String[] args) throws Exception {
        int nodeId = Integer.parseInt(args[0]);
        String broker = "127.0.0.1:" + args[1];
        String controller = "127.0.0.1:" + args[2];
        Path logDirectory = Path.of(args[4]);
        Files.createDirectories(logDirectory);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        p.put("controller.quorum.voters", args[3]);
        p.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
        p.put("advertised.listeners", "PLAINTEXT://" + broker);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "6");
        p.put("auto.create.topics.enable", "false");
        p.put("default.replication.factor", "3");
        p.put("min.insync.replicas", "2");
        p.put("offsets.topic.replication.factor", "3");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "3");
        p.put("transaction.state.log.min.isr", "2");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "3");
        p.put("share.coordinator.state.topic.min.isr", "2");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("unclean.leader.election.enable", "false");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        KafkaConfig config = KafkaConfig.fromProps(p, false);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(System.out, true, StandardCharsets.UTF_8))
                    .setClusterId(args[5])
                    .setNodeId(nodeId)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }));
        server.startup();
        System.out.println("Kafka node " + nodeId + " started on " + broker);
        server.awaitShutdown();
    }
}
