package org.collaborative.app.commitment.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.collaborative.views.commitment.CommitmentView;

/**
 * A retreat's actions or pledges as CSV: RFC 4180 (commas, CRLF line ends, fields quoted when they hold a comma, quote
 * or line break, quotes doubled), with a header row, and safe to open in a spreadsheet: a cell that a spreadsheet would
 * read as a formula (starting with {@code = + - @}, a tab or a carriage return) is written with a leading apostrophe,
 * as OWASP advises against CSV injection.
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

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

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
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (CommitmentView row : rows) {
                printer.printRecord(
                        cells.apply(row).stream().map(CommitmentCsv::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell a spreadsheet will show as text, never evaluate. */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}
