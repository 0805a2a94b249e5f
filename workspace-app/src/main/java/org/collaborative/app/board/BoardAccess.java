package org.collaborative.app.board;

import java.util.Optional;

/**
 * Who may do what on a session's board, as the command side knows it: the board's only question to the rest of the
 * workspace. It is answered from the retreats' command-side lookup ({@code RetreatAttendance}, ADR 7 style), so the
 * Board aggregate depends on three questions, not on the retreat's internals, and its fixture tests answer them
 * directly.
 */
public interface BoardAccess {

    /** The retreat a session belongs to, or empty for an unknown (or dropped) session. */
    Optional<String> retreatOfSession(String sessionId);

    /** Registered for the retreat, or one of its facilitators: may post cards and vote. */
    boolean isParticipant(String retreatId, String memberId);

    /** A facilitator of the retreat: may open and close the board and the vote, cluster cards and reveal results. */
    boolean isFacilitator(String retreatId, String memberId);
}
