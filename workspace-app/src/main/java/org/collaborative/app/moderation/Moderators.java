package org.collaborative.app.moderation;

import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.events.member.MemberRole;
import org.collaborative.views.group.GroupPage;

/** Who moderates a group's items, as the pages decide it: its facilitators and every administrator. */
public final class Moderators {

    private Moderators() {}

    public static boolean moderates(GroupPage group, WorkspaceUser user) {
        return user.role() == MemberRole.ADMINISTRATOR || group.facilitatorIds().contains(user.memberId());
    }
}
