package org.collaborative.app.group;

import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.events.member.MemberErased;
import org.springframework.stereotype.Component;

/**
 * Takes an erased member out of every group they were in, had asked to join or were invited to, by sending {@link
 * RemoveErasedMember} to each group: the groups' own events then change their pages, directory and digests, as any
 * other change of membership does.
 *
 * <p>It runs in its own tracking processor ({@value #PROCESSING_GROUP}), after the erasure is recorded, so that a
 * group that cannot be changed at once is retried without holding up the erasure; its token lives with the events, so
 * a restored backup repeats what the backup lacks, and repeating is harmless (a member with no part in a group records
 * nothing). On its first start it goes through the whole event stream, taking out members erased before it existed.
 * The memberships come from the group directory (always up to date with the events); pending requests and invitations
 * from the group pages.
 */
@Component
@ProcessingGroup(ErasedMemberGroups.PROCESSING_GROUP)
class ErasedMemberGroups {

    static final String PROCESSING_GROUP = "erasure-follow-up";

    private final GroupDirectoryTable directory;
    private final GroupViews views;
    private final CommandGateway commands;

    ErasedMemberGroups(GroupDirectoryTable directory, GroupViews views, CommandGateway commands) {
        this.directory = directory;
        this.views = views;
        this.commands = commands;
    }

    @EventHandler
    void on(MemberErased event) {
        TreeSet<String> groups = new TreeSet<>(directory.groupsOf(event.memberId()));
        groups.addAll(views.groupIdsNaming(event.memberId()));
        for (String groupId : groups) {
            commands.sendAndWait(new RemoveErasedMember(groupId, event.memberId(), event.erasedAt()));
        }
    }
}
