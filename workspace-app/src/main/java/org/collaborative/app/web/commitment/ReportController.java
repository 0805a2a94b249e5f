package org.collaborative.app.web.commitment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The retreat report: a page, a PDF of the same content, and the actions and pledges as CSV files. Whoever may see
 * the retreat may read its report.
 */
@Controller
class ReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RetreatReports reports;
    private final CommitmentAccess access;
    private final ITemplateEngine templates;
    private final Clock clock;

    ReportController(RetreatReports reports, CommitmentAccess access, ITemplateEngine templates, Clock clock) {
        this.reports = reports;
        this.access = access;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping("/retreats/{retreatId}/report")
    String page(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user, Model model) {
        model.addAttribute("report", report(retreatId, user));
        model.addAttribute("labels", CommitmentLabels.INSTANCE);
        return "commitment/report";
    }

    @GetMapping("/retreats/{retreatId}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user) {
        RetreatReport report = report(retreatId, user);
        byte[] pdf = ReportPdf.render(xhtml(report));
        return download(pdf, MediaType.APPLICATION_PDF, fileName(report, "report", "pdf"));
    }

    @GetMapping("/retreats/{retreatId}/actions.csv")
    ResponseEntity<byte[]> actions(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user) {
        RetreatReport report = report(retreatId, user);
        String csv = CommitmentCsv.actions(report.actions(), report.names(), report.today());
        return download(csv.getBytes(StandardCharsets.UTF_8), CSV, fileName(report, "actions", "csv"));
    }

    @GetMapping("/retreats/{retreatId}/pledges.csv")
    ResponseEntity<byte[]> pledges(@PathVariable String retreatId, @AuthenticationPrincipal WorkspaceUser user) {
        RetreatReport report = report(retreatId, user);
        String csv = CommitmentCsv.pledges(report.pledges(), report.names(), report.today());
        return download(csv.getBytes(StandardCharsets.UTF_8), CSV, fileName(report, "pledges", "csv"));
    }

    /** The report's XHTML for the PDF: the page's own fragment in a document of its own with a print stylesheet. */
    String xhtml(RetreatReport report) {
        Context context = new Context(Locale.UK);
        context.setVariable("report", report);
        context.setVariable("labels", CommitmentLabels.INSTANCE);
        context.setVariable(
                "madeAt",
                org.collaborative.app.retreat.RetreatDates.format(
                        java.time.LocalDateTime.ofInstant(clock.instant(), org.collaborative.app.kernel.London.ZONE)));
        return templates.process("commitment/report-pdf", context);
    }

    private RetreatReport report(String retreatId, WorkspaceUser user) {
        access.requireVisible(retreatId, user);
        return reports.report(retreatId, user).orElseThrow(() -> new NotFoundException("retreat"));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    /** "chief-executives-retreat-2026-11-05-actions.csv": the retreat's title and first day, as a file name. */
    static String fileName(RetreatReport report, String what, String extension) {
        String slug = report.retreat()
                .title()
                .toLowerCase(Locale.UK)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        String day = report.retreat().startsAt() == null
                ? ""
                : "-" + report.retreat().startsAt().toLocalDate();
        return (slug.isEmpty() ? "retreat" : slug) + day + "-" + what + "." + extension;
    }
}
