package org.collaborative.app.commitment;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the commitments need to know about retreats when a command arrives: when a retreat ends, who facilitates it
 * and who took part. Answered from the retreats' own command-side lookup ({@code RetreatAttendance}, ADR 7 style).
 */
public interface RetreatCalendar {

    /** The retreat's last day in London, or empty when there is no such retreat (or it was cancelled). */
    Optional<LocalDate> endsOn(String retreatId);

    boolean isFacilitator(String retreatId, String memberId);

    /** Registered for the retreat, or one of its facilitators. */
    boolean isParticipant(String retreatId, String memberId);
}
