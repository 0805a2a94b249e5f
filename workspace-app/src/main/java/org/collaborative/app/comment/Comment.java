package org.collaborative.app.comment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.collaborative.app.moderation.ItemModeration;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.events.moderation.ItemHidden;
import org.collaborative.events.moderation.ItemReported;
import org.collaborative.events.moderation.ItemRestored;
import org.collaborative.app.DomainRules;
import org.collaborative.app.RuleBrokenException;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.item.ItemDirectory;

/**
 * A comment on a question, a piece of evidence or a proposal, by a member of the item's group. Like the items, it can
 * be reported, hidden and restored ({@link ItemModeration}).
 */
@Aggregate
public class Comment {

    public static final int MAX_BODY = 5_000;

    @AggregateIdentifier
    private String commentId;

    private String itemId;
    private String groupId;
    private final ItemModeration moderation = new ItemModeration("comment");

    protected Comment() {}

    @CommandHandler
    public Comment(PostComment command, ItemDirectory items, GroupDirectory groups) {
        DomainRules.requireText("comment", command.body(), MAX_BODY);
        ItemDirectory.Entry item = items.findItem(command.itemId())
                .orElseThrow(() -> new RuleBrokenException("There is no such item to comment on"));
        GroupRules.requireMember(groups, item.groupId(), command.actor().memberId(), "comment on its items");
        apply(new org.collaborative.events.comment.CommentPosted(command.commentId(), item.itemId(), item.type().key(),
                item.groupId(), command.body().strip(), command.actor().memberId(), command.actor().organisationId(),
                command.at()));
    }

    @CommandHandler
    void handle(ModerationCommand.ReportComment command, GroupDirectory groups) {
        moderation.report(commentId, itemId, groupId, command, groups).ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(ModerationCommand.HideComment command, GroupDirectory groups) {
        AggregateLifecycle.apply(moderation.hide(commentId, itemId, groupId, command, groups));
    }

    @CommandHandler
    void handle(ModerationCommand.RestoreComment command, GroupDirectory groups) {
        AggregateLifecycle.apply(moderation.restore(commentId, itemId, groupId, command, groups));
    }

    @EventSourcingHandler
    void on(org.collaborative.events.comment.CommentPosted event) {
        commentId = event.commentId();
        itemId = event.itemId();
        groupId = event.groupId();
    }

    @EventSourcingHandler
    void on(ItemReported event) {
        moderation.on(event);
    }

    @EventSourcingHandler
    void on(ItemHidden event) {
        moderation.on(event);
    }

    @EventSourcingHandler
    void on(ItemRestored event) {
        moderation.on(event);
    }
}
