package org.collaborative.app.infrastructure.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.collaborative.app.infrastructure.eventstore.EventJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every event in the store to {@code collaborative.events}, from the {@value #PROCESSING_GROUP} tracking
 * processor: never from a command handler, so there is no dual write. Records are keyed by aggregate id (so one
 * aggregate's events keep their order in one partition) and sent asynchronously; before the processor's unit of work
 * commits (and with it the token), every send of the batch must have been acknowledged by {@code acks=all}. A failed
 * send fails the unit of work: the token stays put and the processor retries the batch.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final ObjectMapper json = EventJson.mapper();

    KafkaEventPublisher(
            KafkaTemplate<String, byte[]> kafka, @Value("${collaborative.kafka.events-topic}") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @EventHandler
    void publish(Object payload, DomainEventMessage<?> message) throws JsonProcessingException {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, message.getAggregateIdentifier(), json.writeValueAsBytes(payload));
        CloudEventHeaders.write(record.headers(), message);
        pendingSends().add(kafka.send(record));
    }

    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private static void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            // Longer than the producer's delivery time-out (120 s): Kafka gives each send its verdict first.
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublicationFailedException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublicationFailedException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }

    static class PublicationFailedException extends RuntimeException {
        PublicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
