package org.collaborative.app.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.collaborative.app.kernel.RuleBrokenException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Times every command this instance handles: {@code collaborative.commands} (a Prometheus histogram, so rate and
 * latency percentiles come from one series), tagged with the command's name and its outcome — {@code done},
 * {@code refused} (a broken rule or bad input: the person's answer, not a fault) or {@code failed}. A command retried
 * after a conflict with another instance is timed once per try.
 */
@Component
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>>, SmartInitializingSingleton {

    private final CommandBus commandBus;
    private final MeterRegistry registry;

    CommandMetrics(CommandBus commandBus, MeterRegistry registry) {
        this.commandBus = commandBus;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            Object result = chain.proceed();
            outcome = "done";
            return result;
        } catch (RuleBrokenException e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(Timer.builder("collaborative.commands")
                    .description("Commands handled by this instance")
                    .tag("command", command)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }
}
