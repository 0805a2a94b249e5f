package org.collaborative.projections.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every web instance that a view document changed, on {@code collaborative.view-changes}, so that people
 * looking at it see the change live whichever instance they are connected to. A notice is a hint to re-read the
 * view, not data: the view itself is already saved, so a lost notice only delays a screen until the next one.
 *
 * <p>Until every partition of the topic is served by its leader ({@link NoticePartitionsServing}; on a first start the
 * workspace app creates the topic moments before), notices are held, the latest one per view document, and sent
 * together once it is: a notice sent to a partition not yet applied can be stuck for the producer's delivery time-out
 * (ADR 2's amendment).
 */
@Component
public class ViewChangeNotifier {

    private static final Logger log = LoggerFactory.getLogger(ViewChangeNotifier.class);
    /** View documents whose notices are held at most; a further one is dropped (a hint, not data). */
    private static final int MOST_HELD = 10_000;

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final String topic;
    private final NoticePartitionsServing partitions;
    private final Object lock = new Object();
    /** The latest held notice per view document, by view and id; guarded by {@link #lock}. */
    private final Map<String, ProducerRecord<String, byte[]>> held = new LinkedHashMap<>();

    private boolean open;
    private long dropped;

    ViewChangeNotifier(
            KafkaTemplate<String, byte[]> kafka,
            ObjectMapper eventJson,
            @Value("${collaborative.kafka.view-changes-topic}") String topic,
            NoticePartitionsServing partitions) {
        this.kafka = kafka;
        this.json = eventJson;
        this.topic = topic;
        this.partitions = partitions;
    }

    @PostConstruct
    void waitForPartitions() {
        partitions.whenServing(this::open);
    }

    @PreDestroy
    void stop() {
        partitions.stop();
    }

    void changed(String view, String viewId, EventEnvelope event) {
        ProducerRecord<String, byte[]> notice;
        try {
            notice = new ProducerRecord<>(
                    topic,
                    viewId,
                    json.writeValueAsBytes(Map.of(
                            "view",
                            view,
                            "id",
                            viewId,
                            "eventId",
                            event.eventId(),
                            "eventType",
                            event.type().substring(event.type().lastIndexOf('.') + 1))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        synchronized (lock) {
            if (!open) {
                String key = view + '\u0000' + viewId;
                held.remove(key);
                if (held.size() < MOST_HELD) {
                    held.put(key, notice);
                } else {
                    dropped++;
                }
                return;
            }
        }
        send(view, notice);
    }

    /** Every partition is served: the held notices go, in the order their documents last changed, then each at once. */
    private void open() {
        synchronized (lock) {
            if (!held.isEmpty() || dropped > 0) {
                log.info("Sending {} notices held until {} was served ({} dropped)", held.size(), topic, dropped);
            }
            held.forEach((key, notice) -> send(key.substring(0, key.indexOf('\u0000')), notice));
            held.clear();
            open = true;
        }
    }

    private void send(String view, ProducerRecord<String, byte[]> notice) {
        kafka.send(notice).whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("Could not announce the change to {} {}", view, notice.key(), failure);
            }
        });
    }
}
