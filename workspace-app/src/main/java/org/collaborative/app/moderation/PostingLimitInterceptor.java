package org.collaborative.app.moderation;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Applies {@link PostingLimits} to what people post through the web (pages, htmx and the API): questions, answers,
 * evidence, proposals and comments. It sits on the command gateway, so every controller that posts is covered and a
 * retried command (after a conflict) is not counted twice. Commands sent outside a web request (seeding, operators'
 * tools) are not limited. A refusal is thrown before the command is sent, and noted on the request for
 * {@link PostingLimitResponses} to answer 429.
 */
@Component
class PostingLimitInterceptor {

    /** Request attribute holding the {@link PostingLimitReachedException} of a refused post. */
    static final String REFUSED = PostingLimitInterceptor.class.getName() + ".refused";

    private final PostingLimits limits;
    private final Clock clock;

    PostingLimitInterceptor(PostingLimits limits, Clock clock, CommandGateway gateway) {
        this.limits = limits;
        this.clock = clock;
        // Registered here, on the gateway only: a MessageDispatchInterceptor bean would be registered by Axon's
        // auto-configuration on the command bus as well, and every post would be counted more than once.
        gateway.registerDispatchInterceptor(new MessageDispatchInterceptor<CommandMessage<?>>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> limit(command);
            }
        });
    }

    private CommandMessage<?> limit(CommandMessage<?> command) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String poster = poster(command.getPayload());
        if (request != null && poster != null) {
            limits.take(poster, clock.instant()).ifPresent(wait -> {
                PostingLimitReachedException refused = new PostingLimitReachedException(wait);
                request.setAttribute(REFUSED, refused, RequestAttributes.SCOPE_REQUEST);
                throw refused;
            });
        }
        return command;
    }

    /** Who is posting, for the commands that post; null for every other command. */
    static String poster(Object command) {
        return command instanceof Posting posting ? posting.postedBy() : null;
    }
}
