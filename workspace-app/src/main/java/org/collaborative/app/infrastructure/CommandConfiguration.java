package org.collaborative.app.infrastructure;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command gateway. Within one instance Axon locks an aggregate while a command runs; two instances can still
 * change the same aggregate at once, and the second append fails on the event store's unique (aggregate, sequence)
 * key with a {@link ConcurrencyException}. Such a command is tried again on the fresh aggregate, a few times; any other
 * failure (a broken rule, a duplicate create) is final at once.
 */
@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

    /**
     * By default up to 10 more tries ({@code collaborative.commands.conflict-retries}), 10 ms after the first conflict
     * and doubling: about 10 s in all at worst.
     */
    static final int FIRST_RETRY_MILLIS = 10;

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetries() {
        return Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus,
            ScheduledExecutorService commandRetries,
            @Value("${collaborative.commands.conflict-retries:10}") int retries) {
        DefaultCommandGateway.Builder gateway = DefaultCommandGateway.builder().commandBus(commandBus);
        if (retries > 0) {
            gateway.retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                    .retryExecutor(commandRetries)
                    .backoffFactor(FIRST_RETRY_MILLIS)
                    .maxRetryCount(retries)
                    .nonTransientFailurePredicate(failure -> !isConflict(failure))
                    .build());
        }
        return gateway.build();
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
