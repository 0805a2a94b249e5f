package org.collaborative.app.moderation;

import org.collaborative.app.group.GroupViews.GroupPage;
import org.collaborative.app.infrastructure.security.WorkspaceUser;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.item.ItemViews.Item;

/**
 * What a hidden item or comment looks like to whom: the facilitators of its group and administrators see it, marked
 * as hidden with the reason; everyone else sees that a facilitator hid the item, and does not see hidden comments.
 */
public final class HiddenItems {

    private HiddenItems() {}

    /** Whether this person may not see the item itself: it is hidden and they do not moderate its group. */
    public static boolean hiddenFrom(Item item, GroupPage group, WorkspaceUser user) {
        return item.hidden() != null && !Moderators.moderates(group, user);
    }

    /** The item as this person sees it: without hidden comments unless they moderate its group. */
    public static Item shownTo(Item item, GroupPage group, WorkspaceUser user) {
        return Moderators.moderates(group, user) ? item : item.withoutHiddenComments();
    }

    /** Why the item (or, given its id, one of its comments) is hidden; null while it is shown. */
    public static ItemViews.Hidden hidden(Item item, String commentId) {
        if (commentId == null) {
            return item.hidden();
        }
        return item.comments().stream()
                .filter(comment -> comment.commentId().equals(commentId))
                .findFirst()
                .map(ItemViews.Comment::hidden)
                .orElse(null);
    }
}
