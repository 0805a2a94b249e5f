package org.collaborative.app.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/**
 * A command to the id of another kind of thing: found by the request fuzzer, Axon's IncompatibleAggregateException
 * reached the web layer (a 500) from every sender, the invitations service's among them.
 */
class AnotherKindIsNotFoundTest {

    record AnswerQuestion(
            @org.axonframework.modelling.command.TargetAggregateIdentifier
            String questionId) {}

    @Test
    void aCommandForAnotherKindOfAggregateFailsAsNotFound() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(AnswerQuestion.class.getName(), command -> {
            throw new IncompatibleAggregateException("Aggregate identifier must be non-null after applying an event");
        });
        new AnotherKindIsNotFound(bus).afterSingletonsInstantiated();
        DefaultCommandGateway gateway =
                DefaultCommandGateway.builder().commandBus(bus).build();

        assertThatThrownBy(() -> gateway.sendAndWait(new AnswerQuestion("a-proposal")))
                .isInstanceOf(AggregateNotFoundException.class)
                .hasMessage("No AnswerQuestion target at this id");
    }

    /** Found by the request fuzzer: an id with a NUL failed reading its stream from PostgreSQL, a 500. */
    @Test
    void aCommandToAnIdWithANulFailsAsNotFoundWithoutReachingItsHandler() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        java.util.concurrent.atomic.AtomicBoolean handled = new java.util.concurrent.atomic.AtomicBoolean();
        bus.subscribe(AnswerQuestion.class.getName(), command -> {
            handled.set(true);
            return null;
        });
        new AnotherKindIsNotFound(bus).afterSingletonsInstantiated();

        assertThatThrownBy(() -> DefaultCommandGateway.builder()
                        .commandBus(bus)
                        .build()
                        .sendAndWait(new AnswerQuestion("a\u0000b")))
                .isInstanceOf(AggregateNotFoundException.class);
        assertThat(handled).isFalse();
    }

    @Test
    void anyOtherOutcomeIsLeftAsItIs() throws Exception {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(AnswerQuestion.class.getName(), command -> "answered");
        new AnotherKindIsNotFound(bus).afterSingletonsInstantiated();

        assertThat((Object) DefaultCommandGateway.builder()
                        .commandBus(bus)
                        .build()
                        .sendAndWait(GenericCommandMessage.asCommandMessage(new AnswerQuestion("q-1"))))
                .isEqualTo("answered");
    }
}
