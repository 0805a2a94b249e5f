package org.collaborative.app.web.spread;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collaborative.app.infrastructure.web.Csv;
import org.collaborative.app.kernel.London;
import org.collaborative.app.spread.PracticeSpreads;
import org.collaborative.app.spread.SavingsLedger;
import org.collaborative.app.theme.ThemeViews;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Outcome;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The savings ledger: totals by practice, theme and organisation as they stood on a day, cashable and non-cashable
 * in columns of their own, verified and claimed apart; and every outcome as CSV (RFC 4180, safe to open in a
 * spreadsheet).
 */
@Controller
class SavingsController {

    private final SpreadPages pages;
    private final PracticeSpreads spreads;
    private final ThemeViews themes;
    private final SpreadLabels labels;

    SavingsController(SpreadPages pages, PracticeSpreads spreads, ThemeViews themes, SpreadLabels labels) {
        this.pages = pages;
        this.spreads = spreads;
        this.themes = themes;
        this.labels = labels;
    }

    @GetMapping("/savings")
    String ledger(@RequestParam(required = false) String asOf, Model model) {
        SpreadPages.AsOf day = pages.asOf(asOf);
        List<PracticeSpread> practices = spreads.all();
        SavingsLedger ledger = SavingsLedger.of(practices, day.day());
        model.addAttribute("asOf", day.day());
        model.addAttribute("asOfError", day.error());
        model.addAttribute("today", pages.today());
        model.addAttribute("day", SpreadPages.DAY.format(day.day()));
        model.addAttribute("total", ledger.total());
        model.addAttribute("byPractice", ledger.byPractice());
        model.addAttribute("byTheme", ledger.byTheme());
        model.addAttribute("byOrganisation", ledger.byOrganisation());
        model.addAttribute("practiceNames", practiceNames(practices));
        model.addAttribute("themeNames", themeNames());
        model.addAttribute("organisationNames", pages.names());
        model.addAttribute("section", "practices");
        return "spread/ledger";
    }

    @GetMapping("/savings.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String asOf) {
        SpreadPages.AsOf day = pages.asOf(asOf);
        List<PracticeSpread> practices = spreads.all();
        SavingsLedger ledger = SavingsLedger.of(practices, day.day());
        Map<String, String> names = pages.names();
        Map<String, String> themeNames = themeNames();
        StringBuilder csv = new StringBuilder(Csv.row(List.of(
                "Practice",
                "Theme",
                "Organisation",
                "Kind",
                "Amount (£)",
                "Recurrence",
                "Period start",
                "Period end",
                "Measure",
                "Before",
                "After",
                "Unit",
                "Source",
                "Evidence level",
                "Status on " + day.day(),
                "Verified on",
                "Reported")));
        for (Map.Entry<PracticeSpread, Outcome> entry : ledger.outcomes()) {
            PracticeSpread practice = entry.getKey();
            Outcome o = entry.getValue();
            csv.append(Csv.row(java.util.Arrays.asList(
                    practice.name(),
                    themeNames.getOrDefault(practice.themeId(), practice.themeId()),
                    names.getOrDefault(o.organisationId(), o.organisationId()),
                    labels.kind(o.kind()),
                    o.amountPence() == null
                            ? ""
                            : java.math.BigDecimal.valueOf(o.amountPence(), 2).toPlainString(),
                    o.recurrence() == null ? "" : "RECURRING".equals(o.recurrence()) ? "a year" : "one-off",
                    o.periodStart(),
                    o.periodEnd(),
                    o.measureName(),
                    o.before(),
                    o.after(),
                    o.unit(),
                    o.source(),
                    o.evidenceLevel(),
                    ledger.verified(o) ? "verified" : "claimed",
                    ledger.verified(o) ? o.verifiedOn() : null,
                    o.reportedAt() == null
                            ? ""
                            : o.reportedAt().atZone(London.ZONE).toLocalDate())));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("savings-" + day.day() + ".csv")
                                .build()
                                .toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> practiceNames(List<PracticeSpread> practices) {
        Map<String, String> names = new HashMap<>();
        practices.forEach(p -> names.put(p.id(), p.name() == null ? p.id() : p.name()));
        return names;
    }

    Map<String, String> themeNames() {
        Map<String, String> names = new HashMap<>();
        themes.all().forEach(t -> names.put(t.id(), t.title()));
        return names;
    }
}
