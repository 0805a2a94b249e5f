package org.collaborative.app.retreat;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.events.member.MemberErased;
import org.collaborative.events.retreat.PeopleInvited;
import org.collaborative.events.retreat.PlaceDeclined;
import org.collaborative.events.retreat.PlaceGivenUp;
import org.collaborative.events.retreat.PlaceTaken;
import org.collaborative.events.retreat.PromotedFromWaitingList;
import org.collaborative.events.retreat.RetreatCancelled;
import org.collaborative.events.retreat.RetreatChanged;
import org.collaborative.events.retreat.RetreatPostponed;
import org.collaborative.events.retreat.RetreatScheduled;
import org.collaborative.events.retreat.SessionChanged;
import org.collaborative.events.retreat.SessionDropped;
import org.collaborative.events.retreat.SessionPlanned;
import org.collaborative.events.retreat.WaitingListJoined;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link RetreatAttendance} in PostgreSQL ({@code V40__retreat_attendance.sql}), kept by the subscribing
 * "command-directory" processor in the same transaction as the events, so it is never behind the event store. It also
 * keeps the sealed access and dietary needs for the organiser's list ({@link #sealedNeeds}).
 */
@Component
@ProcessingGroup("command-directory")
class RetreatAttendanceTable implements RetreatAttendance {

    private final JdbcTemplate jdbc;

    RetreatAttendanceTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isParticipant(String retreatId, String memberId) {
        return exists(
                        "select 1 from retreat_person where retreat_id = ? and member_id = ? and place = 'REGISTERED'",
                        retreatId,
                        memberId)
                || isFacilitator(retreatId, memberId);
    }

    @Override
    public boolean isFacilitator(String retreatId, String memberId) {
        return exists("select 1 from retreat_directory where retreat_id = ? and scheduled_by = ?", retreatId, memberId)
                || exists(
                        "select 1 from retreat_session where retreat_id = ? and facilitator_id = ? and not dropped",
                        retreatId,
                        memberId);
    }

    @Override
    public boolean isSessionFacilitator(String sessionId, String memberId) {
        return exists(
                        "select 1 from retreat_session where session_id = ? and facilitator_id = ? and not dropped",
                        sessionId,
                        memberId)
                || retreatOfSession(sessionId)
                        .map(retreatId -> isFacilitator(retreatId, memberId))
                        .orElse(false);
    }

    @Override
    public boolean maySee(String retreatId, String memberId) {
        return exists("select 1 from retreat_directory where retreat_id = ? and not invite_only", retreatId)
                || exists(
                        "select 1 from retreat_person where retreat_id = ? and member_id = ? and (invited or place is not null)",
                        retreatId,
                        memberId)
                || isFacilitator(retreatId, memberId);
    }

    @Override
    public Optional<String> retreatOfSession(String sessionId) {
        return jdbc
                .queryForList(
                        "select retreat_id from retreat_session where session_id = ? and not dropped",
                        String.class,
                        sessionId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Dates> dates(String retreatId) {
        return jdbc
                .query(
                        "select retreat_id, starts_at, ends_at, cancelled from retreat_directory where retreat_id = ?",
                        (row, i) -> new Dates(
                                row.getString(1),
                                row.getTimestamp(2).toLocalDateTime(),
                                row.getTimestamp(3).toLocalDateTime(),
                                row.getBoolean(4)),
                        retreatId)
                .stream()
                .findFirst();
    }

    @Override
    public Set<String> themes(String retreatId) {
        return Set.copyOf(
                jdbc.queryForList("select theme_id from retreat_theme where retreat_id = ?", String.class, retreatId));
    }

    /** Member id → sealed needs of the people registered or waiting who gave any, for the organiser's list. */
    Map<String, String> sealedNeeds(String retreatId) {
        Map<String, String> needs = new LinkedHashMap<>();
        jdbc.query(
                "select member_id, needs from retreat_needs where retreat_id = ? order by member_id",
                row -> {
                    needs.put(row.getString(1), row.getString(2));
                },
                retreatId);
        return needs;
    }

    @EventHandler
    void on(RetreatScheduled event) {
        jdbc.update(
                """
                insert into retreat_directory (retreat_id, scheduled_by, starts_at, ends_at, invite_only)
                values (?, ?, ?, ?, ?) on conflict (retreat_id) do nothing
                """,
                event.retreatId(),
                event.scheduledBy(),
                Timestamp.valueOf(event.startsAt()),
                Timestamp.valueOf(event.endsAt()),
                event.inviteOnly());
        themes(event.retreatId(), event.themeIds());
    }

    @EventHandler
    void on(RetreatChanged event) {
        themes(event.retreatId(), event.themeIds());
        jdbc.update(
                "update retreat_directory set starts_at = ?, ends_at = ?, invite_only = ? where retreat_id = ?",
                Timestamp.valueOf(event.startsAt()),
                Timestamp.valueOf(event.endsAt()),
                event.inviteOnly(),
                event.retreatId());
    }

    @EventHandler
    void on(RetreatPostponed event) {
        jdbc.update(
                "update retreat_directory set starts_at = ?, ends_at = ? where retreat_id = ?",
                Timestamp.valueOf(event.startsAt()),
                Timestamp.valueOf(event.endsAt()),
                event.retreatId());
    }

    @EventHandler
    void on(RetreatCancelled event) {
        jdbc.update("update retreat_directory set cancelled = true where retreat_id = ?", event.retreatId());
    }

    @EventHandler
    void on(SessionPlanned event) {
        jdbc.update("""
                insert into retreat_session (session_id, retreat_id, facilitator_id) values (?, ?, ?)
                on conflict (session_id) do update set facilitator_id = excluded.facilitator_id, dropped = false
                """, event.sessionId(), event.retreatId(), event.facilitatorId());
    }

    @EventHandler
    void on(SessionChanged event) {
        jdbc.update(
                "update retreat_session set facilitator_id = ? where session_id = ?",
                event.facilitatorId(),
                event.sessionId());
    }

    @EventHandler
    void on(SessionDropped event) {
        jdbc.update("update retreat_session set dropped = true where session_id = ?", event.sessionId());
    }

    @EventHandler
    void on(PeopleInvited event) {
        event.memberIds().forEach(memberId -> jdbc.update("""
                        insert into retreat_person (retreat_id, member_id, invited) values (?, ?, true)
                        on conflict (retreat_id, member_id) do update set invited = true
                        """, event.retreatId(), memberId));
    }

    @EventHandler
    void on(PlaceDeclined event) {
        jdbc.update(
                "update retreat_person set invited = false where retreat_id = ? and member_id = ?",
                event.retreatId(),
                event.memberId());
    }

    @EventHandler
    void on(PlaceTaken event) {
        place(event.retreatId(), event.memberId(), "REGISTERED");
        needs(event.retreatId(), event.memberId(), event.needs());
    }

    @EventHandler
    void on(WaitingListJoined event) {
        place(event.retreatId(), event.memberId(), "WAITING");
        needs(event.retreatId(), event.memberId(), event.needs());
    }

    @EventHandler
    void on(PromotedFromWaitingList event) {
        place(event.retreatId(), event.memberId(), "REGISTERED");
    }

    @EventHandler
    void on(PlaceGivenUp event) {
        jdbc.update(
                "update retreat_person set place = null where retreat_id = ? and member_id = ?",
                event.retreatId(),
                event.memberId());
        jdbc.update(
                "delete from retreat_needs where retreat_id = ? and member_id = ?",
                event.retreatId(),
                event.memberId());
    }

    /** Their key is destroyed too ({@code privacy.Erasure}); the sealed copies here go at once. */
    @EventHandler
    void on(MemberErased event) {
        jdbc.update("delete from retreat_needs where member_id = ?", event.memberId());
    }

    /** The retreat's themes as they now stand. */
    private void themes(String retreatId, List<String> themeIds) {
        jdbc.update("delete from retreat_theme where retreat_id = ?", retreatId);
        (themeIds == null ? List.<String>of() : themeIds)
                .forEach(themeId -> jdbc.update(
                        "insert into retreat_theme (retreat_id, theme_id) values (?, ?) on conflict do nothing",
                        retreatId,
                        themeId));
    }

    private void place(String retreatId, String memberId, String place) {
        jdbc.update("""
                insert into retreat_person (retreat_id, member_id, place) values (?, ?, ?)
                on conflict (retreat_id, member_id) do update set place = excluded.place
                """, retreatId, memberId, place);
    }

    private void needs(String retreatId, String memberId, String sealed) {
        if (sealed == null) {
            return;
        }
        jdbc.update("""
                insert into retreat_needs (retreat_id, member_id, needs) values (?, ?, ?)
                on conflict (retreat_id, member_id) do update set needs = excluded.needs
                """, retreatId, memberId, sealed);
    }

    private boolean exists(String sql, Object... args) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(" + sql + ")", Boolean.class, args));
    }
}
