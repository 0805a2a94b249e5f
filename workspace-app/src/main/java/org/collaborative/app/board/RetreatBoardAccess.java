package org.collaborative.app.board;

import java.util.Optional;
import org.collaborative.app.retreat.RetreatAttendance;
import org.springframework.stereotype.Component;

/** The board's questions answered by the retreats' command-side lookup (PostgreSQL, never behind the retreat). */
@Component
class RetreatBoardAccess implements BoardAccess {

    private final RetreatAttendance attendance;

    RetreatBoardAccess(RetreatAttendance attendance) {
        this.attendance = attendance;
    }

    @Override
    public Optional<String> retreatOfSession(String sessionId) {
        return attendance.retreatOfSession(sessionId);
    }

    @Override
    public boolean isParticipant(String retreatId, String memberId) {
        return retreatId != null && attendance.isParticipant(retreatId, memberId);
    }

    @Override
    public boolean isFacilitator(String retreatId, String memberId) {
        return retreatId != null && attendance.isFacilitator(retreatId, memberId);
    }

    @Override
    public boolean mayView(String retreatId, String memberId) {
        return retreatId != null && attendance.maySee(retreatId, memberId);
    }
}
