package org.collaborative.app.web.commitment;

import java.time.LocalDate;
import java.util.List;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.views.commitment.CommitmentView;

/** How the pages, the report and the CSV files name an action's or pledge's progress and check-ins. */
public final class CommitmentLabels {

    static final CommitmentLabels INSTANCE = new CommitmentLabels();

    private CommitmentLabels() {}

    public List<CommitmentProgress> choices() {
        return List.of(CommitmentProgress.values());
    }

    public String progress(String progress) {
        if (progress == null) {
            return "Not yet reported";
        }
        return switch (CommitmentProgress.valueOf(progress)) {
            case DONE -> "Done";
            case ON_TRACK -> "On track";
            case AT_RISK -> "At risk";
            case DROPPED -> "Dropped";
        };
    }

    public String progress(CommitmentProgress progress) {
        // SpEL picks either overload for a null argument: both say the same for "no progress recorded yet".
        return progress(progress == null ? null : progress.name());
    }

    public String hint(CommitmentProgress progress) {
        return switch (progress) {
            case DONE -> "It has been done";
            case ON_TRACK -> "It will be done by its date";
            case AT_RISK -> "It may not be done by its date";
            case DROPPED -> "It will not be done; say why";
        };
    }

    /** The GOV.UK tag colour of a progress: never the only sign, the tag's text says it too. */
    public String tag(String progress) {
        if (progress == null) {
            return "govuk-tag--grey";
        }
        return switch (CommitmentProgress.valueOf(progress)) {
            case DONE -> "govuk-tag--green";
            case ON_TRACK -> "govuk-tag--blue";
            case AT_RISK -> "govuk-tag--orange";
            case DROPPED -> "govuk-tag--red";
        };
    }

    public String kind(CommitmentView commitment) {
        return commitment.isAction() ? "Action" : "Pledge";
    }

    /** The check-in line: "30-day check-in waiting since 6 December 2026", or what was last asked and answered. */
    public String checkIn(CommitmentView commitment) {
        return CommitmentStatus.checkInText(commitment);
    }

    public boolean overdue(CommitmentView commitment, LocalDate today) {
        return CommitmentStatus.overdue(commitment, today);
    }
}
