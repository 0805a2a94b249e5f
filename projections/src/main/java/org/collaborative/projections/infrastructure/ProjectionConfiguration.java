package org.collaborative.projections.infrastructure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.collaborative.views.View;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

/**
 * One Kafka consumer group per projector ({@code projection.<view>}; the prefix is configurable so that a second
 * set of groups can rebuild the views into another database from the start of the topic). Each poll is applied as a
 * batch ({@link ProjectionRunner#applyAll}). A failing event is retried with back-off; if it still fails it goes to
 * the dead-letter topic with the error in its headers, and the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration implements KafkaListenerConfigurer {

    private final List<Projector<?>> projectors;
    private final ProjectionRunner runner;
    private final ViewChangeNotifier notifier;
    private final ViewRegistry registry;
    private final String eventsTopic;
    private final String concurrency;
    private final String groupPrefix;
    private final ObjectMapper json;

    ProjectionConfiguration(
            List<Projector<?>> projectors,
            ProjectionRunner runner,
            ViewChangeNotifier notifier,
            ViewRegistry registry,
            ObjectMapper eventJson,
            @Value("${collaborative.kafka.events-topic}") String eventsTopic,
            @Value("${collaborative.projections.concurrency:2}") String concurrency,
            @Value("${collaborative.projections.group-prefix:projection.}") String groupPrefix) {
        this.projectors = projectors;
        this.runner = runner;
        this.notifier = notifier;
        this.registry = registry;
        this.eventsTopic = eventsTopic;
        this.concurrency = concurrency;
        this.groupPrefix = groupPrefix;
        this.json = eventJson;
    }

    /** The same JSON form the workspace writes events in. */
    @Bean
    static ObjectMapper eventJson() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    static CommonErrorHandler retryThenDeadLetter(
            KafkaTemplate<String, byte[]> kafka,
            @Value("${collaborative.kafka.dead-letter-topic}") String deadLetterTopic,
            @Value("${collaborative.projections.retries:5}") int retries) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(deadLetterTopic, record.partition()));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(recoverer, backOff);
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory methods = new DefaultMessageHandlerMethodFactory();
        methods.afterPropertiesSet();
        for (Projector<?> projector : projectors) {
            MethodKafkaListenerEndpoint<String, byte[]> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(groupPrefix + projector.name());
            endpoint.setGroupId(groupPrefix + projector.name());
            endpoint.setTopics(eventsTopic);
            endpoint.setConcurrency(Integer.valueOf(concurrency));
            endpoint.setBatchListener(true);
            endpoint.setBean(new ProjectionListener(projector, runner, notifier, registry, json));
            endpoint.setMethod(ProjectionListener.ON_EVENT);
            endpoint.setMessageHandlerMethodFactory(methods);
            registrar.registerEndpoint(endpoint);
        }
    }

    /**
     * Feeds one projector from its own consumer group, announces each change it makes, and keeps the registry's word
     * that the view holds documents (which the start-up check relies on to tell a lost view from an empty one).
     */
    static final class ProjectionListener {

        static final java.lang.reflect.Method ON_EVENT;

        static {
            try {
                ON_EVENT = ProjectionListener.class.getDeclaredMethod("onEvents", List.class);
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Projector<?> projector;
        private final ProjectionRunner runner;
        private final ViewChangeNotifier notifier;
        private final ViewRegistry registry;
        private final ObjectMapper json;

        ProjectionListener(
                Projector<?> projector,
                ProjectionRunner runner,
                ViewChangeNotifier notifier,
                ViewRegistry registry,
                ObjectMapper json) {
            this.projector = projector;
            this.runner = runner;
            this.notifier = notifier;
            this.registry = registry;
            this.json = json;
        }

        /**
         * Applies one poll's records (up to {@code max-poll-records}), each document read and saved once. When a record
         * cannot be read or applied, everything before it is stored and the error handler is told where it is: it
         * commits up to there, retries that record with back-off, then sends it to the dead-letter topic and moves on.
         */
        public void onEvents(List<ConsumerRecord<String, byte[]>> records) {
            List<EventEnvelope> events = new java.util.ArrayList<>(records.size());
            RuntimeException unreadable = null;
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    events.add(EventEnvelope.from(record, json));
                } catch (RuntimeException e) {
                    unreadable = e;
                    break;
                }
            }
            try {
                applyAll(events);
            } catch (ProjectionRunner.FailedAt failed) {
                throw new BatchListenerFailedException(
                        projector.name() + " could not apply an event", failed.getCause(), failed.index());
            }
            if (unreadable != null) {
                throw new BatchListenerFailedException(
                        projector.name() + " could not read an event", unreadable, events.size());
            }
        }

        private <V extends View<V>> void applyAll(List<EventEnvelope> events) {
            @SuppressWarnings("unchecked")
            Projector<V> typed = (Projector<V>) projector;
            runner.applyAll(typed, events, typed.name(), (viewId, event) -> {
                notifier.changed(typed.name(), viewId, event);
                registry.savedDocument(typed.name());
            });
        }
    }
}
