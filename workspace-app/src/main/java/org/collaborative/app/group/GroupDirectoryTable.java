package org.collaborative.app.group;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.events.group.GroupVisibility;
import org.collaborative.events.group.MemberJoinedGroup;
import org.collaborative.events.group.WorkingGroupFormed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The group directory in PostgreSQL, kept by the subscribing "command-directory" processor in the same transaction as
 * the events, so it is never behind the event store.
 */
@Component
@ProcessingGroup("command-directory")
class GroupDirectoryTable implements GroupDirectory {

    private final JdbcTemplate jdbc;

    GroupDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(String groupId) {
        return jdbc
                .query(
                        "select group_id, theme_id, visibility, archived from group_directory where group_id = ?",
                        (row, i) -> new Entry(
                                row.getString(1),
                                row.getString(2),
                                GroupVisibility.valueOf(row.getString(3)),
                                row.getBoolean(4)),
                        groupId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean isMember(String groupId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from group_member where group_id = ? and member_id = ?)",
                Boolean.class,
                groupId,
                memberId));
    }

    @Override
    public boolean isFacilitator(String groupId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from group_member where group_id = ? and member_id = ? and facilitator)",
                Boolean.class,
                groupId,
                memberId));
    }

    @EventHandler
    void on(WorkingGroupFormed event) {
        jdbc.update(
                "insert into group_directory (group_id, theme_id, visibility) values (?, ?, ?) on conflict (group_id) do nothing",
                event.groupId(),
                event.themeId(),
                event.visibility().name());
        jdbc.update("""
                insert into group_member (group_id, member_id, facilitator) values (?, ?, true)
                on conflict (group_id, member_id) do update set facilitator = true
                """, event.groupId(), event.facilitatorId());
    }

    @EventHandler
    void on(MemberJoinedGroup event) {
        addMember(event.groupId(), event.memberId());
    }

    @EventHandler
    void on(org.collaborative.events.group.MemberLeftGroup event) {
        // The aggregate lets a facilitator leave only while another remains.
        jdbc.update("delete from group_member where group_id = ? and member_id = ?", event.groupId(), event.memberId());
    }

    @EventHandler
    void on(org.collaborative.events.group.ErasedMemberRemovedFromGroup event) {
        jdbc.update("delete from group_member where group_id = ? and member_id = ?", event.groupId(), event.memberId());
    }

    @EventHandler
    void on(org.collaborative.events.group.FacilitatorAppointed event) {
        jdbc.update("""
                insert into group_member (group_id, member_id, facilitator) values (?, ?, true)
                on conflict (group_id, member_id) do update set facilitator = true
                """, event.groupId(), event.memberId());
    }

    @EventHandler
    void on(org.collaborative.events.group.WorkingGroupArchived event) {
        jdbc.update("update group_directory set archived = true where group_id = ?", event.groupId());
    }

    @EventHandler
    void on(org.collaborative.events.group.WorkingGroupReopened event) {
        jdbc.update("update group_directory set archived = false where group_id = ?", event.groupId());
    }

    /**
     * The groups a member belongs to. (Pending requests and invitations are not in this table: {@link
     * ErasedMemberGroups} finds those in the event store.)
     */
    java.util.List<String> groupsOf(String memberId) {
        return jdbc.queryForList("select group_id from group_member where member_id = ?", String.class, memberId);
    }

    private void addMember(String groupId, String memberId) {
        jdbc.update(
                "insert into group_member (group_id, member_id) values (?, ?) on conflict do nothing",
                groupId,
                memberId);
    }
}
