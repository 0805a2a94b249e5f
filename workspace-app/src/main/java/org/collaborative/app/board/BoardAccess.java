package org.collaborative.app.board;

import java.util.Optional;

/**
 * Who may do what on a session's board: the board's only questions to the rest of the workspace. They are answered
 * from the retreats' command-side lookup ({@code RetreatAttendance}, ADR 7 style), so the Board aggregate depends on
 * these questions, not on the retreat's internals, and its fixture tests answer them directly.
 */
public interface BoardAccess {

    /** The retreat a session belongs to, or empty for an unknown (or dropped) session. */
    Optional<String> retreatOfSession(String sessionId);

    /** Registered for the retreat, or one of its facilitators: may post cards and vote. */
    boolean isParticipant(String retreatId, String memberId);

    /** A facilitator of the retreat: may open and close the board and the vote, cluster cards and reveal results. */
    boolean isFacilitator(String retreatId, String memberId);

    /**
     * May see the board: a participant, someone invited, or anyone signed in when the retreat is not invitation-only.
     * Anyone else is told the board does not exist.
     */
    boolean mayView(String retreatId, String memberId);
}
