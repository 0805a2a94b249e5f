package org.collaborative.app.moderation;

import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;

/**
 * What a hidden item, comment or answer looks like to whom: the facilitators of its group and administrators see it,
 * marked as hidden with the reason; everyone else sees that a facilitator hid the item or an answer (not what it said),
 * and does not see hidden comments.
 */
public final class HiddenItems {

    private HiddenItems() {}

    /** Whether this person may not see the item itself: it is hidden and they do not moderate its group. */
    public static boolean hiddenFrom(ItemView item, GroupPage group, WorkspaceUser user) {
        return item.hidden() != null && !Moderators.moderates(group, user);
    }

    /**
     * The item as this person sees it: unless they moderate its group, without hidden comments and with hidden answers
     * left in place but without their text.
     */
    public static ItemView shownTo(ItemView item, GroupPage group, WorkspaceUser user) {
        return Moderators.moderates(group, user) ? item : item.asReadersSeeIt();
    }

    /** Why the item (or, given its id, one of its comments or answers) is hidden; null while it is shown. */
    public static ItemView.Hidden hidden(ItemView item, String partId) {
        if (partId == null) {
            return item.hidden();
        }
        return item.comments().stream()
                .filter(comment -> comment.commentId().equals(partId))
                .findFirst()
                .map(ItemView.Comment::hidden)
                .orElseGet(() -> item.answers().stream()
                        .filter(answer -> answer.answerId().equals(partId))
                        .findFirst()
                        .map(ItemView.Answer::hidden)
                        .orElse(null));
    }
}
