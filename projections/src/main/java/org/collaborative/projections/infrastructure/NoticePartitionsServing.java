package org.collaborative.projections.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether every partition of the view-change topic is served by its leader: the workspace's publication gate
 * ({@code PartitionsServing}, ADR 2's amendment) for the projections' notices. The workspace app creates
 * {@code collaborative.view-changes} at its start, and the projections' idempotent producer meets the same Kafka gap
 * on it (KAFKA-15591): a first request that reaches a partition before its leader has applied it fails with
 * {@code NOT_LEADER_OR_FOLLOWER}, the next one is written, and every retry of the first then fails as out of order
 * until the delivery time-out, two minutes of notices lost. So the notices wait until a {@code ListOffsets} request has
 * succeeded on every partition ({@link ViewChangeNotifier} holds them until then).
 *
 * <p>A class of the projections' own rather than the workspace's: the two are separate applications, and the modules
 * they share ({@code workspace-events}, {@code workspace-views}) hold records only, with no Kafka client. The check is
 * the same one, kept short; the difference is that it runs on a thread of its own, asking once a second, so no
 * projection's consumer ever waits for it.
 */
@Component
public class NoticePartitionsServing {

    private static final Logger log = LoggerFactory.getLogger(NoticePartitionsServing.class);
    private static final int TIMEOUT_MS = 10_000;

    private final Map<String, Object> adminConfig;
    private final String topic;
    private volatile boolean stopped;

    public NoticePartitionsServing(KafkaAdmin admin, @Value("${collaborative.kafka.view-changes-topic}") String topic) {
        this.adminConfig = admin.getConfigurationProperties();
        this.topic = topic;
    }

    /**
     * Asks every partition of the topic for its latest offset (for up to about ten seconds); true if all answered. A
     * broker away or a topic not yet created answers false.
     */
    public boolean check() {
        try (Admin admin = Admin.create(adminConfig)) {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs(TIMEOUT_MS))
                    .all()
                    .get(TIMEOUT_MS + 5_000L, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }

    /** Runs {@code serving} on a thread of its own once every partition has answered, asking once a second until then. */
    public void whenServing(Runnable serving) {
        Thread waiting = new Thread(
                () -> {
                    boolean told = false;
                    while (!stopped) {
                        if (check()) {
                            log.info("Every partition of {} is served by its leader: notices may be sent", topic);
                            serving.run();
                            return;
                        }
                        if (!told) {
                            log.info("The partitions of {} are not all served yet; notices wait", topic);
                            told = true;
                        }
                        try {
                            TimeUnit.SECONDS.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "view-change-partitions");
        waiting.setDaemon(true);
        waiting.start();
    }

    /** Stops asking (the application is stopping). */
    public void stop() {
        stopped = true;
    }
}
