package org.collaborative.app.moderation;

import java.util.List;
import java.util.Set;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.item.ItemViews;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.springframework.stereotype.Component;

/**
 * What a group's page shows of moderation, for its template ({@code @groupModeration}): the questions to leave out of
 * the list (hidden ones, for everyone), and for the group's moderators the hidden items, marked with the reason.
 * Evidence and proposals lists already leave hidden items out ({@link ItemViews}).
 */
@Component("groupModeration")
public class GroupModeration {

    private final ModerationViews moderation;
    private final ItemViews items;

    GroupModeration(ModerationViews moderation, ItemViews items) {
        this.moderation = moderation;
        this.items = items;
    }

    /** The ids of the group's hidden items and comments. */
    public Set<String> hiddenIds(String groupId) {
        return moderation.hiddenIn(List.of(groupId));
    }

    public boolean moderates(GroupPage group, WorkspaceUser user) {
        return user != null && Moderators.moderates(group, user);
    }

    /** The group's hidden items, for its moderators only; nobody else gets any. */
    public List<ItemView> hiddenItems(GroupPage group, WorkspaceUser user) {
        return moderates(group, user) ? items.hiddenInGroup(group.id()) : List.of();
    }
}
