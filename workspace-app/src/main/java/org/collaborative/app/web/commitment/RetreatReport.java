package org.collaborative.app.web.commitment;

import java.time.LocalDate;
import java.util.List;
import org.collaborative.views.commitment.CommitmentView;
import org.collaborative.views.retreat.RetreatView;

/**
 * Everything the retreat report shows, looked up once, for the page, the PDF and the CSV files alike: the retreat and
 * its agenda, who took part by organisation (names only: never access or dietary needs), each session's board, and
 * the actions and pledges with their owners, dates and check-in status.
 *
 * @param today the London day the report is made, from which "overdue" is judged
 */
record RetreatReport(
        RetreatView retreat,
        List<Organisation> organisations,
        List<SessionBoard> boards,
        List<CommitmentView> actions,
        List<CommitmentView> pledges,
        ReportNames names,
        LocalDate today) {

    /** An organisation that took part, with its people's names. */
    record Organisation(String name, List<String> people) {}

    /** A session's board: its clusters, each with its cards and their dots, then the cards in no cluster. */
    record SessionBoard(String sessionId, String title, List<Cluster> clusters) {}

    /** @param name the cluster's name, or "Not in a cluster" */
    record Cluster(String name, List<Card> cards, int dots) {}

    record Card(String text, String kind, int dots) {}

    public int participants() {
        return organisations.stream().mapToInt(o -> o.people().size()).sum();
    }

    public String when() {
        return retreat.startsAt() == null
                ? ""
                : org.collaborative.app.retreat.RetreatDates.describe(retreat.startsAt(), retreat.endsAt());
    }

    public String where() {
        if (retreat.place() != null && !retreat.place().isBlank()) {
            return retreat.place();
        }
        return retreat.onlineLink() == null ? "" : "Online";
    }
}
