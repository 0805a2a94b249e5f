package org.collaborative.app.board;

import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.app.proposal.BoardOrigins;
import org.collaborative.app.retreat.RetreatAttendance;
import org.collaborative.events.board.CardPosted;
import org.collaborative.events.board.ClusterFormed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The clusters and cards of every session's board ({@code board_part}, {@code V110__board_directory_and_retreat_themes.sql}),
 * kept by the subscribing "command-directory" processor in the same transaction as the board's events (ADR 7), and
 * with the retreats' lookup, the answers a proposal drafted from a board needs ({@link BoardOrigins}).
 */
@Component
@ProcessingGroup("command-directory")
class BoardDirectoryTable implements BoardOrigins {

    private final JdbcTemplate jdbc;
    private final RetreatAttendance attendance;

    BoardDirectoryTable(JdbcTemplate jdbc, RetreatAttendance attendance) {
        this.jdbc = jdbc;
        this.attendance = attendance;
    }

    @Override
    public Optional<String> retreatOfSession(String sessionId) {
        return attendance.retreatOfSession(sessionId);
    }

    @Override
    public boolean isFacilitator(String retreatId, String memberId) {
        return attendance.isFacilitator(retreatId, memberId);
    }

    @Override
    public Set<String> themesOf(String retreatId) {
        return attendance.themes(retreatId);
    }

    @Override
    public boolean hasCluster(String sessionId, String clusterId) {
        return has(sessionId, clusterId, "CLUSTER");
    }

    @Override
    public boolean hasCard(String sessionId, String cardId) {
        return has(sessionId, cardId, "CARD");
    }

    private boolean has(String sessionId, String partId, String kind) {
        return partId != null
                && !jdbc.queryForList(
                                "select 1 from board_part where session_id = ? and part_id = ? and kind = ?",
                                Integer.class,
                                sessionId,
                                partId,
                                kind)
                        .isEmpty();
    }

    @EventHandler
    void on(ClusterFormed event) {
        part(event.sessionId(), event.clusterId(), "CLUSTER");
    }

    @EventHandler
    void on(CardPosted event) {
        part(event.sessionId(), event.cardId(), "CARD");
    }

    private void part(String sessionId, String partId, String kind) {
        jdbc.update(
                "insert into board_part (session_id, part_id, kind) values (?, ?, ?) on conflict do nothing",
                sessionId,
                partId,
                kind);
    }
}
