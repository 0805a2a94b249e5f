package org.collaborative.app.infrastructure;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * A command addressed to the id of another kind of thing (an answer to a proposal's id, a question's status on
 * evidence, an invitation resent to a group's id: an id from one address pasted into another) loads an aggregate from
 * events it cannot be built from, and Axon fails with {@link IncompatibleAggregateException}. For whoever sent it there
 * is no such thing at that id: it fails as {@link AggregateNotFoundException}, which the API answers with a "not found"
 * problem detail and the pages with "Page not found", whichever sender (a controller, a service) sent it. Found by the
 * request fuzzer (issue 17): it was a 500.
 *
 * <p>So does a command to an id no aggregate can have: one with a NUL in it (a practice's adoption by an organisation
 * id typed as {@code a%00b}), which PostgreSQL text, where the event store keeps aggregate ids, cannot hold; reading
 * its stream failed (another 500 the fuzzer found).
 */
@Component
class AnotherKindIsNotFound implements MessageHandlerInterceptor<CommandMessage<?>>, SmartInitializingSingleton {

    private static final AnnotationCommandTargetResolver TARGETS =
            AnnotationCommandTargetResolver.builder().build();

    private final CommandBus commandBus;

    AnotherKindIsNotFound(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String target = target(unitOfWork.getMessage());
        if (target != null && target.indexOf('\u0000') >= 0) {
            throw new AggregateNotFoundException(
                    target, "No " + unitOfWork.getMessage().getPayloadType().getSimpleName() + " target at this id");
        }
        try {
            return chain.proceed();
        } catch (IncompatibleAggregateException anotherKind) {
            throw new AggregateNotFoundException(
                    unitOfWork.getMessage().getIdentifier(),
                    "No " + unitOfWork.getMessage().getPayloadType().getSimpleName() + " target at this id",
                    anotherKind);
        }
    }

    /** The aggregate id the command names, or null for one that creates its aggregate (no target). */
    private static String target(CommandMessage<?> command) {
        try {
            return TARGETS.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }
}
