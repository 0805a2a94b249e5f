package org.collaborative.projections.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
@Component
public class ViewChangeNotifier {

    private static final Logger log = LoggerFactory.getLogger(ViewChangeNotifier.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final String topic;

    ViewChangeNotifier(
            KafkaTemplate<String, byte[]> kafka,
            ObjectMapper eventJson,
            @Value("${collaborative.kafka.view-changes-topic}") String topic) {
        this.kafka = kafka;
        this.json = eventJson;
        this.topic = topic;
    }

    void changed(String view, String viewId, EventEnvelope event) {
        try {
            byte[] notice = json.writeValueAsBytes(Map.of(
                    "view",
                    view,
                    "id",
                    viewId,
                    "eventId",
                    event.eventId(),
                    "eventType",
                    event.type().substring(event.type().lastIndexOf('.') + 1)));
            kafka.send(new ProducerRecord<>(topic, viewId, notice)).whenComplete((result, failure) -> {
                if (failure != null) {
                    log.warn("Could not announce the change to {} {}", view, viewId, failure);
                }
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
