package org.collaborative.app.infrastructure.web;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * How the web layer sends commands: one way for every controller, so that a refused command ({@link Refusal}) is
 * shown the same everywhere. Pages {@link #attempt} a command and show the refusal on the form they re-render
 * (status 200, docs/adr/0005); the API {@link #send}s it and lets the refusal propagate to {@link ApiProblems}, which
 * answers with the refusal's problem detail.
 *
 * <p>The {@code ...Once} variants are for a command that creates something under an id the form or the client chose
 * (minted when the form was shown): the same command arriving a second time (a double submission, a retried request)
 * fails with {@link AggregateStreamCreationException}, and counts as done, because it was done the first time.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends the command and waits for it: empty when it was carried out, else why it was refused. */
    public Optional<Refusal> attempt(Object command) {
        try {
            gateway.sendAndWait(command);
            return Optional.empty();
        } catch (RuntimeException failure) {
            return Optional.of(refusal(failure));
        }
    }

    /** As {@link #attempt}, for a command that creates something under a chosen id: a repeat counts as done. */
    public Optional<Refusal> attemptOnce(Object command) {
        try {
            return attempt(command);
        } catch (AggregateStreamCreationException alreadyDone) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #attempt}, for a command that creates something under an id derived from what was typed (a theme's
     * from its title): when that id is taken, the command is refused with {@code whenTaken}.
     */
    public Optional<Refusal> attemptNew(Object command, String whenTaken) {
        try {
            return attempt(command);
        } catch (AggregateStreamCreationException taken) {
            return Optional.of(new Refusal(Refusal.Kind.RULE_BROKEN, null, whenTaken, null));
        }
    }

    /** Sends the command and waits for it; a refusal is thrown on, for {@link ApiProblems} to answer. */
    public void send(Object command) {
        gateway.sendAndWait(command);
    }

    /** As {@link #send}, for a command that creates something under a chosen id: a repeat counts as done. */
    public void sendOnce(Object command) {
        try {
            gateway.sendAndWait(command);
        } catch (AggregateStreamCreationException alreadyDone) {
            // A repeated request: it was carried out the first time.
        }
    }

    /** The refusal the failure stands for; a failure that is not one (a bug, an outage) is thrown on. */
    private static Refusal refusal(RuntimeException failure) {
        return Refusal.of(failure).orElseThrow(() -> failure);
    }
}
