package org.collaborative.app.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.OptionalInt;
import org.collaborative.app.kernel.London;
import org.collaborative.views.commitment.CommitmentView;

/**
 * When check-ins fall due: 30, 90 and 180 days after the retreat's last day, at 09:00 in London (so the owner is asked
 * at the start of a working day, whatever the clocks did in between).
 */
public final class CheckIns {
    public static final LocalTime AT = LocalTime.of(9, 0);

    private CheckIns() {}

    public static Instant dueAt(LocalDate retreatEndsOn, int days) {
        return retreatEndsOn.plusDays(days).atTime(AT).atZone(London.ZONE).toInstant();
    }

    /**
     * The latest stage due by {@code now} that is later than {@code lastRaised} (0 before the first): after downtime
     * the stages missed are not asked one after another, only the one that matters now.
     */
    public static OptionalInt latestDue(LocalDate retreatEndsOn, int lastRaised, Instant now) {
        return CommitmentView.CHECK_IN_DAYS.stream()
                .mapToInt(Integer::intValue)
                .filter(days -> days > lastRaised && !dueAt(retreatEndsOn, days).isAfter(now))
                .max();
    }

    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, London.ZONE);
    }
}
