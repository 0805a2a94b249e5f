package org.collaborative.app.web.commitment;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.collaborative.app.commitment.CheckIns;
import org.collaborative.views.commitment.CommitmentView;

/**
 * When an action or pledge is overdue, for the facilitator's list and the report: past its date and neither done nor
 * dropped, or with a check-in its owner has left unanswered for {@link #ANSWER_WITHIN}.
 */
final class CommitmentStatus {

    static final Duration ANSWER_WITHIN = Duration.ofDays(14);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private CommitmentStatus() {}

    static boolean overdue(CommitmentView commitment, LocalDate today) {
        if (commitment.settled()) {
            return false;
        }
        boolean pastDate = commitment.dueOn() != null && commitment.dueOn().isBefore(today);
        boolean unanswered = commitment
                .waitingCheckIn()
                .filter(c -> CheckIns.today(c.dueAt().plus(ANSWER_WITHIN)).isBefore(today.plusDays(1)))
                .isPresent();
        return pastDate || unanswered;
    }

    static String checkInText(CommitmentView commitment) {
        return commitment
                .waitingCheckIn()
                .map(c -> c.days() + "-day check-in waiting since " + DATE.format(CheckIns.today(c.dueAt())))
                .orElseGet(() -> {
                    if (commitment.checkIns().isEmpty()) {
                        return commitment.nextCheckInOn() == null
                                ? "No check-in"
                                : "First check-in on " + DATE.format(commitment.nextCheckInOn());
                    }
                    CommitmentView.CheckIn last =
                            commitment.checkIns().get(commitment.checkIns().size() - 1);
                    return last.days() + "-day check-in answered"
                            + (last.answeredAt() == null
                                    ? ""
                                    : " on " + DATE.format(CheckIns.today(last.answeredAt())));
                });
    }
}
