package org.collaborative.app.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * Three Kafka nodes ({@link KafkaNode}), each a process of its own on loopback, in one KRaft quorum: the production
 * shape of docker/compose.yaml. Nodes are numbered 1 to 3; any of them can be killed (SIGKILL) and started again on
 * its own data.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final int NODES = 3;

    private final Path directory;
    private final int[] brokerPorts = new int[NODES + 1];
    private final int[] controllerPorts = new int[NODES + 1];
    private final Process[] nodes = new Process[NODES + 1];
    private final String clusterId = Uuid.randomUuid().toString();
    private final String voters;

    private KafkaCluster(Path directory) {
        this.directory = directory;
        RunningWorkspace.Ports one = RunningWorkspace.Ports.free();
        RunningWorkspace.Ports two = RunningWorkspace.Ports.free();
        int[] ports = {
            one.http(), one.projectionsHttp(), one.postgres(), two.http(), two.projectionsHttp(), two.postgres()
        };
        for (int node = 1; node <= NODES; node++) {
            brokerPorts[node] = ports[node - 1];
            controllerPorts[node] = ports[node + 2];
        }
        voters = IntStream.rangeClosed(1, NODES)
                .mapToObj(node -> node + "@127.0.0.1:" + controllerPorts[node])
                .collect(Collectors.joining(","));
    }

    /** Starts the three nodes and waits until all three are brokers of the cluster. */
    public static KafkaCluster start(Path directory) {
        KafkaCluster cluster = new KafkaCluster(directory);
        try {
            for (int node = 1; node <= NODES; node++) {
                cluster.launch(node);
            }
            cluster.awaitBrokers(NODES);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void launch(int node) {
        List<String> command = List.of(
                RunningWorkspace.javaExecutable(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                KafkaNode.class.getName(),
                String.valueOf(node),
                String.valueOf(brokerPorts[node]),
                String.valueOf(controllerPorts[node]),
                voters,
                directory.resolve("kafka-" + node).toString(),
                clusterId);
        try {
            Files.createDirectories(directory);
            nodes[node] = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("kafka-" + node + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Kafka node " + node, e);
        }
    }

    /** Waits until this many brokers are registered and unfenced, as the cluster's metadata says. */
    public void awaitBrokers(int count) {
        await("a Kafka cluster of " + count + " brokers")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    for (int node = 1; node <= NODES; node++) {
                        if (nodes[node] != null && !nodes[node].isAlive()) {
                            throw new IllegalStateException("Kafka node " + node + " exited; see "
                                    + directory.resolve("kafka-" + node + ".log"));
                        }
                    }
                    try (Admin admin = admin()) {
                        return admin.describeCluster().nodes().get().size() == count;
                    }
                });
    }

    public String bootstrapServers() {
        return IntStream.rangeClosed(1, NODES)
                .mapToObj(node -> "127.0.0.1:" + brokerPorts[node])
                .collect(Collectors.joining(","));
    }

    /** The port of a node that is running, for clients that take one. */
    public int aRunningBrokerPort() {
        return IntStream.rangeClosed(1, NODES)
                .filter(node -> nodes[node] != null && nodes[node].isAlive())
                .map(node -> brokerPorts[node])
                .findFirst()
                .orElseThrow();
    }

    public Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(config);
    }

    /** Each partition of a topic with its leader's node id and its in-sync replicas. */
    public Map<Integer, TopicPartitionInfo> partitions(String topic) {
        try (Admin admin = admin()) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().stream()
                    .collect(Collectors.toMap(TopicPartitionInfo::partition, info -> info));
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe " + topic, e);
        }
    }

    /** SIGKILL to one node: no controlled shutdown, no flush, leadership moves only when the quorum notices. */
    public void kill(int node) {
        nodes[node].destroyForcibly();
        nodes[node].onExit().join();
        nodes[node] = null;
    }

    /** Starts a killed node again on its own data and waits for all three brokers. */
    public void restart(int node) {
        launch(node);
        awaitBrokers(NODES);
    }

    /** The test's data is thrown away: every node is killed, none waits for a controlled shutdown of the quorum. */
    @Override
    public void close() {
        for (int node = 1; node <= NODES; node++) {
            if (nodes[node] != null) {
                kill(node);
            }
        }
    }
}
