package org.collaborative.projections.infrastructure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

/**
 * One Kafka consumer group per projector ({@code projection.<view>}; the prefix is configurable so that a second
 * set of groups can rebuild the views into another database from the start of the topic). Each poll is applied as a
 * batch ({@link ProjectionRunner#applyAll}). A failing record is retried with back-off; if it still fails it is parked
 * for its view with its error, the later records of its key wait behind it, and everything else flows on (ADR 27,
 * {@link ParkedRecords}).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration implements KafkaListenerConfigurer {

    private final List<Projector<?>> projectors;
    private final LiveViews views;
    private final ParkedRecords parked;
    private final String eventsTopic;
    private final String concurrency;
    private final String groupPrefix;
    private final ObjectMapper json;

    ProjectionConfiguration(
            List<Projector<?>> projectors,
            LiveViews views,
            ParkedRecords parked,
            ObjectMapper eventJson,
            @Value("${collaborative.kafka.events-topic}") String eventsTopic,
            @Value("${collaborative.projections.concurrency:2}") String concurrency,
            @Value("${collaborative.projections.group-prefix:projection.}") String groupPrefix) {
        this.projectors = projectors;
        this.views = views;
        this.parked = parked;
        this.eventsTopic = eventsTopic;
        this.concurrency = concurrency;
        this.groupPrefix = groupPrefix;
        this.json = eventJson;
    }

    /** The same JSON form the workspace writes events in; instants read at the precision views keep. */
    @Bean
    static ObjectMapper eventJson() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(StoredPrecision.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Retries a failing record with back-off; if it still fails, parks it for its view ({@link ParkedRecords}) and the
     * partition moves on. A failure that is MongoDB being away is never parked: the recoverer refuses it, and the
     * record is retried with back-off again, for as long as it takes.
     */
    @Bean
    static CommonErrorHandler retryThenPark(
            ParkedRecords parked,
            @Value("${collaborative.projections.group-prefix:projection.}") String groupPrefix,
            @Value("${collaborative.projections.retries:5}") int retries) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(parkAfterRetries(parked, groupPrefix), backOff);
    }

    /** What the error handler does with a record once its retries are spent: parks it for the view that failed. */
    static ConsumerAwareRecordRecoverer parkAfterRetries(ParkedRecords parked, String groupPrefix) {
        return (record, consumer, failure) -> {
            if (ParkedRecords.isOutage(failure)) {
                throw new IllegalStateException("MongoDB is away: the record is retried, not parked", failure);
            }
            String view = viewOf(groupOf(consumer, failure), groupPrefix);
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, byte[]> typed = (ConsumerRecord<String, byte[]>) record;
            parked.whileApplying(view, () -> {
                parked.park(view, typed, failure);
                return null;
            });
        };
    }

    /**
     * Keeps each view's in-memory set of parked keys to the partitions this instance's consumers own: read from MongoDB
     * when a partition is assigned, forgotten when it is revoked or lost (its next owner reads it).
     */
    @Bean
    static ConsumerAwareRebalanceListener parkedKeysFollowTheAssignment(
            ParkedRecords parked,
            @Value("${collaborative.kafka.events-topic}") String eventsTopic,
            @Value("${collaborative.projections.group-prefix:projection.}") String groupPrefix) {
        return new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                parked.assigned(viewOf(consumer.groupMetadata().groupId(), groupPrefix), of(partitions));
            }

            @Override
            public void onPartitionsRevokedBeforeCommit(
                    Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                parked.revoked(viewOf(consumer.groupMetadata().groupId(), groupPrefix), of(partitions));
            }

            @Override
            public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                parked.revoked(viewOf(consumer.groupMetadata().groupId(), groupPrefix), of(partitions));
            }

            private List<Integer> of(Collection<TopicPartition> partitions) {
                return partitions.stream()
                        .filter(partition -> partition.topic().equals(eventsTopic))
                        .map(TopicPartition::partition)
                        .toList();
            }
        };
    }

    private static String groupOf(Consumer<?, ?> consumer, Exception failure) {
        if (consumer != null) {
            return consumer.groupMetadata().groupId();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ListenerExecutionFailedException listener && listener.getGroupId() != null) {
                return listener.getGroupId();
            }
        }
        throw new IllegalStateException("Cannot tell which view failed", failure);
    }

    /** The view a consumer group projects: {@code projection.items} is {@code items}. */
    static String viewOf(String group, String groupPrefix) {
        return group.startsWith(groupPrefix) ? group.substring(groupPrefix.length()) : group;
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
            endpoint.setBean(new ProjectionListener(projector, views, parked, json));
            endpoint.setMethod(ProjectionListener.ON_EVENT);
            endpoint.setMessageHandlerMethodFactory(methods);
            registrar.registerEndpoint(endpoint);
        }
    }

    /**
     * Feeds one projector from its own consumer group: applies the records of keys that flow, and parks behind them the
     * records of keys that its view has parked (ADR 27).
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
        private final LiveViews views;
        private final ParkedRecords parked;
        private final ObjectMapper json;

        ProjectionListener(Projector<?> projector, LiveViews views, ParkedRecords parked, ObjectMapper json) {
            this.projector = projector;
            this.views = views;
            this.parked = parked;
            this.json = json;
        }

        /**
         * Applies one poll's records (up to {@code max-poll-records}), each document read and saved once, and parks
         * those whose key the view has parked, behind the parked ones. When a record cannot be read, applied or parked,
         * everything before it is stored and the error handler is told where it is: it commits up to there, retries that
         * record with back-off, then parks it and moves on.
         */
        public void onEvents(List<ConsumerRecord<String, byte[]>> records) {
            parked.whileApplying(projector.name(), () -> {
                applyOrPark(records);
                return null;
            });
        }

        private void applyOrPark(List<ConsumerRecord<String, byte[]>> records) {
            String view = projector.name();
            List<EventEnvelope> events = new ArrayList<>(records.size());
            List<Integer> positions = new ArrayList<>(records.size());
            List<Integer> waiting = new ArrayList<>();
            int failedAt = records.size();
            RuntimeException failure = null;
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                try {
                    if (parked.parked(view, record.partition(), ParkedRecords.keyOf(record))) {
                        waiting.add(i);
                    } else {
                        events.add(EventEnvelope.from(record, json));
                        positions.add(i);
                    }
                } catch (RuntimeException e) {
                    failedAt = i;
                    failure = e;
                    break;
                }
            }
            try {
                views.applyAll(projector, events);
            } catch (ProjectionRunner.FailedAt failed) {
                if (positions.get(failed.index()) < failedAt) {
                    failedAt = positions.get(failed.index());
                    failure = failed.getCause() instanceof RuntimeException cause ? cause : failed;
                }
            }
            for (int i : waiting) {
                if (i >= failedAt) {
                    break;
                }
                try {
                    parked.park(view, records.get(i), null);
                } catch (RuntimeException e) {
                    failedAt = i;
                    failure = e;
                    break;
                }
            }
            if (failure != null) {
                throw new BatchListenerFailedException(
                        view + " could not read, apply or park a record", failure, failedAt);
            }
        }
    }
}
