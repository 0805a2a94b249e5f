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
import org.axonframework.serialization.SerializationException;
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
 *
 * <p>Only a fault of the event itself is thrown from the handler, where the processor's dead-letter queue parks the
 * event, and the later events of its aggregate behind it (ADR 27): a payload that cannot be read from the store or
 * written as JSON, a type with no revision, or a record the producer refuses at once and for good (too large). Any other
 * failure, a broker away above all, is left to the acknowledgements awaited before commit, so that it fails the batch
 * and publication stops and retries in order.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final PartitionsServing partitions;
    private final ObjectMapper json = EventJson.mapper();

    KafkaEventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            @Value("${collaborative.kafka.events-topic}") String topic,
            PartitionsServing partitions) {
        this.kafka = kafka;
        this.topic = topic;
        this.partitions = partitions;
    }

    @EventHandler
    void publish(DomainEventMessage<?> message) {
        ProducerRecord<String, byte[]> record = record(message);
        Batch batch = batch();
        if (!batch.held) {
            batch.sends.add(send(record));
        }
    }

    /** The record for the event; throws {@link UnpublishableEventException} when the event cannot be one. */
    ProducerRecord<String, byte[]> record(DomainEventMessage<?> message) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                    topic, message.getAggregateIdentifier(), json.writeValueAsBytes(message.getPayload()));
            CloudEventHeaders.write(record.headers(), message);
            return record;
        } catch (JsonProcessingException | SerializationException | IllegalStateException e) {
            throw new UnpublishableEventException(
                    "Event " + message.getIdentifier() + " (" + message.getType() + " "
                            + message.getAggregateIdentifier() + " #" + message.getSequenceNumber()
                            + ") cannot be made into a record: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Sends the record. A refusal that the producer gives at once and that no retry can change is this event's own
     * fault and is thrown; every other outcome, failures included, is returned to be awaited with the batch.
     */
    CompletableFuture<?> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<?> sent;
        try {
            sent = kafka.send(record);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        if (sent.isCompletedExceptionally()) {
            Throwable cause = sent.handle((ok, failure) -> failure).join();
            if (PermanentRefusal.is(cause)) {
                throw new UnpublishableEventException(
                        "Kafka refused the record of event "
                                + new String(
                                        record.headers()
                                                .lastHeader(CloudEventHeaders.ID)
                                                .value(),
                                        java.nio.charset.StandardCharsets.UTF_8)
                                + " for good: " + PermanentRefusal.root(cause).getMessage(),
                        cause);
            }
        }
        return sent;
    }

    /**
     * The sends of this unit of work's batch, awaited before it commits. A batch is held, and sends nothing, while the
     * topic's partitions are not all served ({@link PartitionsServing}): it fails at commit like a batch Kafka did not
     * acknowledge, so the processor tries it again, in order; it is never the events' fault, so nothing is parked.
     */
    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            Batch batch = new Batch(!partitions.await());
            if (batch.held) {
                batch.sends.add(CompletableFuture.failedFuture(new IllegalStateException(
                        "The partitions of " + topic + " are not all served by their leaders yet")));
            }
            unitOfWork.onPrepareCommit(committing -> awaitAcknowledgements(batch.sends));
            return batch;
        });
    }

    private static final class Batch {
        final boolean held;
        final List<CompletableFuture<?>> sends = new ArrayList<>();

        Batch(boolean held) {
            this.held = held;
        }
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

    /** This event cannot be published as it is: it is parked, with the later events of its aggregate. */
    static class UnpublishableEventException extends RuntimeException {
        UnpublishableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static class PublicationFailedException extends RuntimeException {
        PublicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
