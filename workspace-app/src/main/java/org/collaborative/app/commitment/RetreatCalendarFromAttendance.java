package org.collaborative.app.commitment;

import java.time.LocalDate;
import java.util.Optional;
import org.collaborative.app.retreat.RetreatAttendance;
import org.springframework.stereotype.Component;

/** The retreats' command-side lookup, as the commitments ask it: a cancelled retreat has no outputs. */
@Component
class RetreatCalendarFromAttendance implements RetreatCalendar {

    private final RetreatAttendance attendance;

    RetreatCalendarFromAttendance(RetreatAttendance attendance) {
        this.attendance = attendance;
    }

    @Override
    public Optional<LocalDate> endsOn(String retreatId) {
        return attendance
                .dates(retreatId)
                .filter(dates -> !dates.cancelled())
                .map(dates -> dates.endsAt().toLocalDate());
    }

    @Override
    public boolean isFacilitator(String retreatId, String memberId) {
        return attendance.isFacilitator(retreatId, memberId);
    }

    @Override
    public boolean isParticipant(String retreatId, String memberId) {
        return attendance.isParticipant(retreatId, memberId);
    }
}
