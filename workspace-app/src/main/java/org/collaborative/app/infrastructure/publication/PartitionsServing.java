package org.collaborative.app.infrastructure.publication;

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
 * Whether every partition of the events topic is served by its leader, asked once before the publisher's first send.
 *
 * <p>An idempotent producer with several requests in flight to a partition just created can lose its first one: the
 * request carrying sequence 0 reaches the broker before the broker has applied the partition from the metadata log
 * and fails with a retriable {@code NOT_LEADER_OR_FOLLOWER}; the next request (sequences 29 and on, say) arrives just
 * after and is written, because a broker with no producer state for a partition accepts any first sequence; every
 * retry of the first then fails with {@code OutOfOrderSequenceException} until its delivery time-out (two minutes)
 * expires it. That was the first-start stall (ADR 2): the seed's first batch never acknowledged, publication
 * stopped, and the batch was later sent again. It is Kafka's KAFKA-15591 (also KAFKA-14312, KAFKA-19880), fixed in the
 * broker from Kafka 4.5, which is not available here. So the publisher sends nothing until a {@code ListOffsets}
 * request, which the broker answers from the same partition state a produce request needs, has succeeded on every
 * partition: after that, a produce request cannot meet a partition its leader has not yet applied.
 */
@Component
class PartitionsServing {

    private static final Logger log = LoggerFactory.getLogger(PartitionsServing.class);
    private static final int TIMEOUT_MS = 10_000;

    private final Map<String, Object> adminConfig;
    private final String topic;
    private volatile boolean serving;

    PartitionsServing(KafkaAdmin admin, @Value("${collaborative.kafka.events-topic}") String topic) {
        this.adminConfig = admin.getConfigurationProperties();
        this.topic = topic;
    }

    /**
     * True once every partition of the topic has answered from its leader; until then, asks (for up to about ten
     * seconds) and says whether they all did. A broker away or a topic not yet created answers false.
     */
    boolean await() {
        if (serving) {
            return true;
        }
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
            serving = true;
            log.info("Every partition of {} is served by its leader: publication may begin", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.info("The partitions of {} are not all served yet ({}); publication waits", topic, e.toString());
        }
        return serving;
    }
}
