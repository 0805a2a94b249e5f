package org.collaborative.app.group;

import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.member.MemberRole;

/** Rules about groups that the aggregates of items posted in them share. */
public final class GroupRules {

    private GroupRules() {}

    public static GroupDirectory.Entry requireGroup(GroupDirectory groups, String groupId) {
        return groups.find(groupId).orElseThrow(() -> new UnknownGroupException(groupId));
    }

    /**
     * The person is a member of the group, and the group is not archived (an archived group is read-only: nothing new
     * is posted, answered, endorsed or challenged in it).
     *
     * @param doing what the person tried, to finish "Join this group before you ..."
     */
    public static void requireMember(GroupDirectory groups, String groupId, String memberId, String doing) {
        if (groups.isArchived(groupId)) {
            throw new GroupArchivedException(doing);
        }
        if (!groups.isMember(groupId, memberId)) {
            throw new NotAGroupMemberException(doing);
        }
    }

    /** Facilitators of the group, and administrators, may settle, decide and moderate its items. */
    public static boolean facilitates(GroupDirectory groups, String groupId, Actor actor) {
        return actor.role() == MemberRole.ADMINISTRATOR || groups.isFacilitator(groupId, actor.memberId());
    }

    public static class UnknownGroupException extends RuleBrokenException {
        public UnknownGroupException(String groupId) {
            super("There is no working group with the id " + groupId);
        }
    }

    /** An archived group is read-only. */
    public static class GroupArchivedException extends RuleBrokenException {
        public GroupArchivedException(String doing) {
            super("This group is archived, so you cannot " + doing);
        }
    }

    public static class NotAGroupMemberException extends RuleBrokenException {
        public NotAGroupMemberException(String doing) {
            super("Join this group before you " + doing);
        }
    }
}
