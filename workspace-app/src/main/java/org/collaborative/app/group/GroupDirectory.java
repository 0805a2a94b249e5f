package org.collaborative.app.group;

import java.util.Optional;
import org.collaborative.events.group.GroupVisibility;

/**
 * Which groups exist and who belongs to them, for checks by other aggregates' command handlers: a question can only be
 * posted to a group that exists, by one of its members.
 */
public interface GroupDirectory {

    /** What a command needs to know about a group. */
    record Entry(String groupId, String themeId, GroupVisibility visibility) {}

    Optional<Entry> find(String groupId);

    boolean isMember(String groupId, String memberId);

    /** Whether the member is one of the group's facilitators. */
    boolean isFacilitator(String groupId, String memberId);
}
