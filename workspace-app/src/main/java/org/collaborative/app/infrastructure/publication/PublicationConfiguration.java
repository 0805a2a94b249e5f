package org.collaborative.app.infrastructure.publication;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics the workspace writes, and the error handling that makes event handlers retry rather than skip. */
@Configuration(proxyBeanMethods = false)
class PublicationConfiguration {

    /**
     * Axon's default listener error handler logs a failed event and moves on. Here every handler's failure propagates:
     * a subscribing handler fails its command; a tracking processor rolls back and retries the batch with back-off.
     */
    @Bean
    ConfigurerModule propagateEventHandlerFailures() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    KafkaAdmin.NewTopics collaborativeTopics(
            @Value("${collaborative.kafka.events-topic}") String events,
            @Value("${collaborative.kafka.dead-letter-topic}") String deadLetters,
            @Value("${collaborative.kafka.view-changes-topic}") String viewChanges,
            @Value("${collaborative.kafka.partitions}") int partitions,
            @Value("${collaborative.kafka.replication-factor}") short replicas,
            @Value("${collaborative.kafka.min-insync-replicas}") int minInsync) {
        Map<String, String> durable = Map.of("min.insync.replicas", Integer.toString(minInsync), "retention.ms", "-1");
        return new KafkaAdmin.NewTopics(
                topic(events, partitions, replicas, durable),
                topic(deadLetters, partitions, replicas, durable),
                // Notices that a view changed are only useful for a moment: screens refresh from the view itself.
                topic(viewChanges, partitions, replicas, Map.of("retention.ms", Long.toString(3_600_000L))));
    }

    private static NewTopic topic(String name, int partitions, short replicas, Map<String, String> config) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicas)
                .configs(config)
                .build();
    }
}
