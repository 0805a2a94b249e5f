package org.collaborative.app.infrastructure.embedded;

import com.mongodb.client.MongoClient;
import javax.sql.DataSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Runs the embedded stack for an application whose {@code collaborative.embedded.enabled} is true (the default
 * profile of the workspace app). The servers start in the background as soon as the configuration is known; the
 * context is built alongside them, and each bean that connects to one waits for that one. The stack stops after the
 * contexts have closed (Spring Boot's shutdown handlers), or at once if this application fails to start, so that the
 * broker's non-daemon threads never keep a failed JVM alive.
 */
public class EmbeddedStackListener implements ApplicationListener<ApplicationEvent> {

    private EmbeddedStack stack;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            var environment = prepared.getEnvironment();
            if (environment.getProperty(EmbeddedSettings.PREFIX + "enabled", Boolean.class, false)) {
                stack = EmbeddedStack.start(EmbeddedSettings.from(environment));
                SpringApplication.getShutdownHandlers().add(EmbeddedStack::stop);
            }
        } else if (stack != null && event instanceof ApplicationPreparedEvent prepared) {
            prepared.getApplicationContext().getBeanFactory().addBeanPostProcessor(new AwaitServers(stack));
        } else if (stack != null && event instanceof ApplicationStartedEvent) {
            stack.awaitAll();
        } else if (stack != null && event instanceof ApplicationFailedEvent) {
            EmbeddedStack.stop();
        }
    }

    /** Holds back each bean that connects to an embedded server until that server is up. */
    private record AwaitServers(EmbeddedStack stack) implements BeanPostProcessor {

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
            if (bean instanceof DataSource) {
                stack.awaitPostgres();
            } else if (bean instanceof KafkaAdmin
                    || bean instanceof ProducerFactory<?, ?>
                    || bean instanceof ConsumerFactory<?, ?>) {
                stack.awaitKafka();
            } else if (bean instanceof MongoClient) {
                stack.awaitMongo();
            }
            return bean;
        }
    }
}
