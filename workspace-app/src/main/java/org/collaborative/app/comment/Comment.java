package org.collaborative.app.comment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.item.ItemDirectory;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.moderation.ItemModeration;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.events.comment.CommentPosted;

/**
 * A comment on a question, a piece of evidence or a proposal, by a member of the item's group, not while the item is
 * hidden. Like the items, it can be reported, hidden and restored ({@link ItemModeration}).
 */
@Aggregate
public class Comment {

    public static final int MAX_BODY = 5_000;

    @AggregateIdentifier
    private String commentId;

    private String itemId;
    private String groupId;

    @AggregateMember
    private final ItemModeration moderation = new ItemModeration(ModeratedKind.COMMENT);

    protected Comment() {}

    @CommandHandler
    public Comment(PostComment command, ItemDirectory items, GroupDirectory groups) {
        DomainRules.requireText("comment", command.body(), MAX_BODY);
        ItemDirectory.Entry item = items.findItem(command.itemId())
                .orElseThrow(() -> new RuleBrokenException("There is no such item to comment on"));
        GroupRules.requireMember(groups, item.groupId(), command.actor().memberId(), "comment on its items");
        if (item.hidden()) {
            throw new HiddenItemException(ModeratedKind.of(item.type()), "it cannot be commented on");
        }
        apply(new CommentPosted(
                command.commentId(),
                item.itemId(),
                item.type().key(),
                item.groupId(),
                command.body().strip(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.at()));
    }

    @EventSourcingHandler
    void on(CommentPosted event) {
        commentId = event.commentId();
        itemId = event.itemId();
        groupId = event.groupId();
    }

    @CommandHandler(commandName = ModeratedKind.CommandNames.COMMENT)
    void handle(ModerationCommand command, GroupDirectory groups) {
        moderation.handle(command, commentId, itemId, groupId, groups);
    }
}
