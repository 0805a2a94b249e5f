package org.collaborative.app.infrastructure.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.collaborative.app.infrastructure.eventstore.EventJson;
import org.collaborative.events.question.QuestionClosed;
import org.collaborative.events.question.QuestionPosted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The parking rules of the publisher, with the processor's dead-letter handling as Axon runs it (sequenced by
 * aggregate): an event's own fault parks it and the later events of its aggregate; a broker away fails the batch.
 */
class KafkaEventPublisherParkingTest {

    private static final Instant AT = Instant.parse("2026-12-07T04:00:00Z");

    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> parked =
            InMemorySequencedDeadLetterQueue.defaultQueue();
    private final List<String> sent = new ArrayList<>();
    private Function<ProducerRecord<String, byte[]>, CompletableFuture<Object>> kafkaAnswers;
    /** What {@link PartitionsServing} answers: whether every partition of the topic is served yet. */
    private boolean partitionsServed = true;

    private DeadLetteringEventHandlerInvoker invoker;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void publisherWithItsDeadLetterQueue() {
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        kafkaAnswers = record -> CompletableFuture.completedFuture(null);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            ProducerRecord<String, byte[]> record = call.getArgument(0);
            CompletableFuture<Object> answer = kafkaAnswers.apply(record);
            if (!answer.isCompletedExceptionally()) {
                sent.add(record.key() + "#"
                        + new String(
                                record.headers()
                                        .lastHeader("ce_aggregatesequence")
                                        .value(),
                                StandardCharsets.UTF_8));
            }
            return answer;
        });
        invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new AnnotationEventHandlerAdapter(new KafkaEventPublisher(
                        kafka,
                        "collaborative.events",
                        new PartitionsServing(new KafkaAdmin(Map.of()), "collaborative.events") {
                            @Override
                            boolean await() {
                                return partitionsServed;
                            }
                        })))
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .queue(parked)
                .transactionManager(NoTransactionManager.instance())
                .build();
    }

    @Test
    void anEventThatCannotBeReadIsParkedAndTheLaterEventsOfItsAggregateWaitBehindItWhileOthersFlow() throws Exception {
        handle(unreadableQuestion("a"));
        handle(question("b", 0));
        handle(closed("a", 1));
        handle(closed("b", 1));

        assertThat(sent).containsExactly("b#0", "b#1");
        assertThat(parkedSequence("a"))
                .extracting(letter -> ((DomainEventMessage<?>) letter.message()).getSequenceNumber())
                .containsExactly(0L, 1L);
        assertThat(parkedSequence("a").get(0).cause())
                .hasValueSatisfying(cause -> assertThat(cause.message()).contains("cannot be made into a record"));
        assertThat(parkedSequence("a").get(1).cause()).as("only waits").isEmpty();
    }

    @Test
    void aRecordKafkaRefusesForGoodIsParked() throws Exception {
        kafkaAnswers = record -> CompletableFuture.failedFuture(
                new KafkaProducerException(record, "Failed to send", new RecordTooLargeException("too large")));
        handle(question("a", 0));

        assertThat(parkedSequence("a")).hasSize(1);
        assertThat(parkedSequence("a").get(0).cause())
                .hasValueSatisfying(cause -> assertThat(cause.message()).contains("for good", "too large"));
    }

    @Test
    void aBrokerThatIsAwayParksNothingAndFailsTheBatchSoThatItIsRetriedInOrder() {
        kafkaAnswers = record -> CompletableFuture.failedFuture(
                new KafkaProducerException(record, "Failed to send", new TimeoutException("no broker")));

        assertThatThrownBy(() -> handle(question("a", 0)))
                .isInstanceOf(KafkaEventPublisher.PublicationFailedException.class);
        assertThat(parked.size()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void untilEveryPartitionIsServedABatchSendsNothingParksNothingAndFailsToBeTriedAgain() throws Exception {
        partitionsServed = false;

        assertThatThrownBy(() -> handle(question("a", 0)))
                .isInstanceOf(KafkaEventPublisher.PublicationFailedException.class);
        assertThat(sent)
                .as("nothing is sent to a partition its leader may not have applied")
                .isEmpty();
        assertThat(parked.size()).isZero();

        partitionsServed = true;
        handle(question("a", 0));
        assertThat(sent).containsExactly("a#0");
    }

    @Test
    void aRetryOnceTheCauseIsGonePublishesTheAggregatesParkedEventsInOrder() throws Exception {
        kafkaAnswers = record -> CompletableFuture.failedFuture(
                new KafkaProducerException(record, "Failed to send", new RecordTooLargeException("too large")));
        handle(question("a", 0));
        kafkaAnswers = record -> CompletableFuture.completedFuture(null);
        handle(closed("a", 1));
        handle(question("b", 0));
        assertThat(sent).containsExactly("b#0");

        assertThat(invoker.processAny()).isTrue();

        assertThat(sent).containsExactly("b#0", "a#0", "a#1");
        assertThat(parked.size()).isZero();
    }

    @Test
    void aRetryWhileTheCauseRemainsLeavesTheEventsParked() throws Exception {
        handle(unreadableQuestion("a"));
        handle(closed("a", 1));

        assertThat(invoker.processAny()).isFalse();

        assertThat(sent).isEmpty();
        assertThat(parkedSequence("a")).hasSize(2);
    }

    private void handle(DomainEventMessage<?> message) throws Exception {
        DefaultUnitOfWork<DomainEventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        var result = unitOfWork.executeWithResult(() -> {
            invoker.handle(message, Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }

    private List<DeadLetter<? extends EventMessage<?>>> parkedSequence(String aggregateId) {
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        parked.deadLetterSequence(aggregateId).forEach(letters::add);
        return letters;
    }

    private static DomainEventMessage<?> question(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>(
                "Question",
                aggregateId,
                sequence,
                new QuestionPosted(aggregateId, "g", "t", "A title", "", "m", "o", AT),
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                AT);
    }

    private static DomainEventMessage<?> closed(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>(
                "Question",
                aggregateId,
                sequence,
                new QuestionClosed(aggregateId, "m", AT),
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                AT);
    }

    /** A stored QuestionPosted whose title is not text: reading it from the store fails. */
    private DomainEventMessage<?> unreadableQuestion(String aggregateId) {
        String json = "{\"questionId\":\"" + aggregateId + "\",\"title\":{\"unreadable\":true}}";
        return new GenericDomainEventMessage<>(
                "Question",
                aggregateId,
                0,
                new SerializedMessage<>(
                        UUID.randomUUID().toString(),
                        new SimpleSerializedObject<>(
                                json.getBytes(StandardCharsets.UTF_8),
                                byte[].class,
                                QuestionPosted.class.getName(),
                                "1"),
                        new SimpleSerializedObject<>(
                                "{}".getBytes(StandardCharsets.UTF_8), byte[].class, MetaData.class.getName(), null),
                        serializer),
                () -> AT);
    }
}
