package org.collaborative.app.retreat;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * What command handlers of other features (live boards, actions and pledges) may ask about retreats, answered from
 * PostgreSQL tables kept by the subscribing "command-directory" processor in the same transaction as the retreat's
 * events (ADR 7), so never behind them.
 */
public interface RetreatAttendance {

    /** A retreat's dates (Europe/London wall-clock times) and whether it was cancelled. */
    record Dates(String retreatId, LocalDateTime startsAt, LocalDateTime endsAt, boolean cancelled) {}

    /** Whether the member has a place at the retreat (not merely waiting), or is one of its facilitators. */
    boolean isParticipant(String retreatId, String memberId);

    /** Whether the member scheduled the retreat or runs one of its sessions. */
    boolean isFacilitator(String retreatId, String memberId);

    /** Whether the member runs this session (or facilitates its retreat). */
    boolean isSessionFacilitator(String sessionId, String memberId);

    /**
     * Whether the member may see the retreat: anyone for an open retreat; for an invite-only one, its invitees,
     * registered and waiting people and facilitators. (Administrators see every retreat: the caller checks the role.)
     */
    boolean maySee(String retreatId, String memberId);

    /** The retreat a session (not dropped) belongs to. */
    Optional<String> retreatOfSession(String sessionId);

    Optional<Dates> dates(String retreatId);

    /** The themes the retreat covers, as it now stands (empty for an unknown retreat). */
    Set<String> themes(String retreatId);
}
