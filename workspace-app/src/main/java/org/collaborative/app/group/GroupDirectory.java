package org.collaborative.app.group;

import java.util.Optional;
import org.collaborative.events.group.GroupVisibility;

/**
 * Which groups exist and who belongs to them, for checks by other aggregates' command handlers: a question can only be
 * posted to a group that exists, by one of its members.
 */
public interface GroupDirectory {

    /** What a command needs to know about a group; an archived group is read-only. */
    record Entry(String groupId, String themeId, GroupVisibility visibility, boolean archived) {

        /** A group that is not archived. */
        public Entry(String groupId, String themeId, GroupVisibility visibility) {
            this(groupId, themeId, visibility, false);
        }
    }

    Optional<Entry> find(String groupId);

    /** Whether the group is archived (and so takes nothing new); false for a group that does not exist. */
    default boolean isArchived(String groupId) {
        return find(groupId).map(Entry::archived).orElse(false);
    }

    boolean isMember(String groupId, String memberId);

    /** Whether the member is one of the group's facilitators. */
    boolean isFacilitator(String groupId, String memberId);
}
