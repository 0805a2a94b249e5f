package org.collaborative.app.infrastructure.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.collaborative.app.infrastructure.embedded.EmbeddedKafkaBroker;
import org.collaborative.app.infrastructure.embedded.EmbeddedSettings;
import org.collaborative.projections.infrastructure.NoticePartitionsServing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * {@link PartitionsServing} on the embedded broker: no for a topic not yet made, yes once every partition of a new
 * topic answers; and an idempotent producer that sends only after the yes loses nothing to a partition just created
 * (without the wait, on this two-core machine, 12 to 16 of 25 such bursts lost records: ADR 2's amendment). The
 * projections' gate for their change notices ({@link NoticePartitionsServing}, a class of that application) is tried
 * here too, on the same broker: the projections' tests have no broker of their own, and workspace-app's tests have the
 * projections' classes.
 */
class PartitionsServingTest {

    @TempDir
    static Path data;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start(
                new EmbeddedSettings(data, 0, "c", "u", "p", freePort(), freePort(), 0, false));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aTopicNotYetMadeIsNotServed() {
        assertThat(servingOf("not-made-yet").await()).isFalse();
    }

    @Test
    void burstsToNewTopicsSentOnceServedAreAllAcknowledged() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            for (int round = 0; round < 3; round++) {
                String topic = "new-topic-" + round;
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);

                assertThat(servingOf(topic).await()).isTrue();
                assertThat(failedSendsOfABurstTo(topic))
                        .as("records lost in round %d", round)
                        .isZero();
            }
        }
    }

    @Test
    void theProjectionsNoticesWaitUntilEveryPartitionOfTheirNewTopicIsServed() throws Exception {
        String topic = "new-notices";
        NoticePartitionsServing notices = new NoticePartitionsServing(
                new KafkaAdmin(Map.of("bootstrap.servers", broker.bootstrapServers())), topic);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(notices.check()).isFalse();
            AtomicBoolean served = new AtomicBoolean();
            notices.whenServing(() -> served.set(true));

            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);

            await("the notices' gate to open").atMost(Duration.ofSeconds(60)).untilTrue(served);
            assertThat(failedSendsOfABurstTo(topic)).isZero();
        } finally {
            notices.stop();
        }
    }

    private static PartitionsServing servingOf(String topic) {
        return new PartitionsServing(new KafkaAdmin(Map.of("bootstrap.servers", broker.bootstrapServers())), topic);
    }

    /** 2,000 keyed records at once, as the publisher sends a batch, with a short delivery time-out. */
    private static int failedSendsOfABurstTo(String topic) {
        Properties props = new Properties();
        props.put("bootstrap.servers", broker.bootstrapServers());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("linger.ms", "1");
        props.put("batch.size", "2000");
        props.put("request.timeout.ms", "5000");
        props.put("delivery.timeout.ms", "15000");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        int failed = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                sends.add(producer.send(new ProducerRecord<>(topic, "aggregate-" + (i % 97), "x".repeat(300))));
            }
            for (Future<RecordMetadata> send : sends) {
                try {
                    send.get();
                } catch (Exception e) {
                    failed++;
                }
            }
        }
        return failed;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
