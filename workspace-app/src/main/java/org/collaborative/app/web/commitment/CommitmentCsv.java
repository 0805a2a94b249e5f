package org.collaborative.app.web.commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.collaborative.app.infrastructure.web.Csv;
import org.collaborative.views.commitment.CommitmentView;

/**
 * A retreat's actions or pledges as CSV, with a header row, written by the workspace's one CSV writer ({@link Csv}:
 * RFC 4180, and safe to open in a spreadsheet).
 */
final class CommitmentCsv {

    /** What a row needs besides the commitment: names looked up once for the whole file. */
    interface Names {
        String member(String memberId);

        String organisation(String organisationId);

        String group(String groupId);

        String proposal(String proposalId);

        String session(String sessionId);
    }

    private CommitmentCsv() {}

    static String actions(List<CommitmentView> commitments, Names names, LocalDate today) {
        return write(
                commitments.stream().filter(CommitmentView::isAction).toList(),
                List.of(
                        "Action",
                        "Owner",
                        "Organisation",
                        "Due",
                        "Working group",
                        "Proposal",
                        "Session",
                        "Progress",
                        "Reason or note",
                        "Check-in",
                        "Overdue"),
                c -> List.of(
                        c.title(),
                        names.member(c.ownerId()),
                        names.organisation(c.organisationId()),
                        String.valueOf(c.dueOn()),
                        names.group(c.groupId()),
                        c.proposalId() == null ? "" : names.proposal(c.proposalId()),
                        c.sessionId() == null ? "" : names.session(c.sessionId()),
                        CommitmentLabels.INSTANCE.progress(c.progress()),
                        c.progressReason() == null ? "" : c.progressReason(),
                        CommitmentStatus.checkInText(c),
                        CommitmentStatus.overdue(c, today) ? "Yes" : "No"));
    }

    static String pledges(List<CommitmentView> commitments, Names names, LocalDate today) {
        return write(
                commitments.stream().filter(c -> !c.isAction()).toList(),
                List.of(
                        "Pledge",
                        "Organisation",
                        "Made by",
                        "By",
                        "Working group",
                        "Proposal",
                        "Session",
                        "Progress",
                        "Reason or note",
                        "Check-in",
                        "Overdue"),
                c -> List.of(
                        c.title(),
                        names.organisation(c.organisationId()),
                        names.member(c.ownerId()),
                        String.valueOf(c.dueOn()),
                        names.group(c.groupId()),
                        c.proposalId() == null ? "" : names.proposal(c.proposalId()),
                        c.sessionId() == null ? "" : names.session(c.sessionId()),
                        CommitmentLabels.INSTANCE.progress(c.progress()),
                        c.progressReason() == null ? "" : c.progressReason(),
                        CommitmentStatus.checkInText(c),
                        CommitmentStatus.overdue(c, today) ? "Yes" : "No"));
    }

    private static String write(
            List<CommitmentView> rows, List<String> header, Function<CommitmentView, List<String>> cells) {
        StringBuilder csv = new StringBuilder(Csv.row(header));
        rows.forEach(row -> csv.append(Csv.row(cells.apply(row))));
        return csv.toString();
    }
}
