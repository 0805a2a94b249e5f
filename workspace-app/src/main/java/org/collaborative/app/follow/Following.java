package org.collaborative.app.follow;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.follow.FollowTarget;
import org.collaborative.events.follow.MemberFollowed;
import org.collaborative.events.follow.MemberUnfollowed;

/**
 * What one member follows. Its own aggregate (id {@code following:<memberId>}) rather than part of Member, so that
 * following things never contends with changes to the member's profile or role.
 */
@Aggregate
public class Following {

    /** Enough for anyone's working life; stops a script from making the stream unbounded. */
    public static final int MAX_FOLLOWED = 1_000;

    @AggregateIdentifier
    private String followingId;

    private final Set<String> followed = new HashSet<>();

    protected Following() {}

    public static String idFor(String memberId) {
        return "following:" + memberId;
    }

    /** Following something already followed records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(Follow command) {
        DomainRules.require("target", command.target());
        DomainRules.requireText("target id", command.targetId(), 100);
        followingId = command.followingId();
        if (followed.contains(key(command.target(), command.targetId()))) {
            return;
        }
        if (followed.size() >= MAX_FOLLOWED) {
            throw new RuleBrokenException("You follow " + MAX_FOLLOWED + " things already. Stop following some first");
        }
        apply(new MemberFollowed(command.memberId(), command.target(), command.targetId(), command.at()));
    }

    /** Unfollowing something not followed records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(Unfollow command) {
        followingId = command.followingId();
        if (!followed.contains(key(command.target(), command.targetId()))) {
            return;
        }
        apply(new MemberUnfollowed(command.memberId(), command.target(), command.targetId(), command.at()));
    }

    @EventSourcingHandler
    void on(MemberFollowed event) {
        followingId = idFor(event.memberId());
        followed.add(key(event.target(), event.targetId()));
    }

    @EventSourcingHandler
    void on(MemberUnfollowed event) {
        followed.remove(key(event.target(), event.targetId()));
    }

    private static String key(FollowTarget target, String targetId) {
        return target + ":" + targetId;
    }
}
