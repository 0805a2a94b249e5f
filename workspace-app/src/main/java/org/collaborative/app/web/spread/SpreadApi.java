package org.collaborative.app.web.spread;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.infrastructure.web.ApiProblems;
import org.collaborative.app.infrastructure.web.NotFoundException;
import org.collaborative.app.spread.PeerLens;
import org.collaborative.app.spread.PracticeSpreads;
import org.collaborative.app.spread.RogersCategory;
import org.collaborative.app.spread.SavingsLedger;
import org.collaborative.app.spread.SpreadFigures;
import org.collaborative.views.spread.PracticeSpread;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The spread figures and the savings ledger as JSON, computed as the pages compute them (docs/adr/0019). */
@RestController
@Tag(name = "Spread of practice")
class SpreadApi {

    /** The figures of one practice on a day. */
    record Spread(
            String practiceId,
            String name,
            LocalDate asOf,
            List<SpreadFigures.CurvePoint> curve,
            List<SpreadFigures.Adopter> adopters,
            Map<RogersCategory, Integer> categories,
            Map<String, String> stages,
            Lens peerLens,
            SavingsLedger.Totals savings) {}

    /** The peer lens for the caller's council. */
    record Lens(
            String council,
            String ownStage,
            String neighboursSentence,
            PeerLens.Group neighbours,
            List<String> neighboursAdopting,
            String peersSentence,
            PeerLens.Group statisticalPeers,
            List<String> peersAdopting) {}

    /** The ledger on a day. Amounts are in pence; cashable and non-cashable are never added together. */
    record Ledger(
            LocalDate asOf,
            SavingsLedger.Totals total,
            List<SavingsLedger.Row> byPractice,
            List<SavingsLedger.Row> byTheme,
            List<SavingsLedger.Row> byOrganisation) {}

    /** A date the API cannot use. */
    static final class BadDate extends RuntimeException {
        BadDate(String message) {
            super(message);
        }
    }

    private final SpreadPages pages;
    private final PracticeSpreads spreads;

    SpreadApi(SpreadPages pages, PracticeSpreads spreads) {
        this.pages = pages;
        this.spreads = spreads;
    }

    @GetMapping("/api/practices/{practiceId}/spread")
    @Operation(
            summary = "A practice's spread as it stood on a day: the S-curve's points, each adopter's Rogers category,"
                    + " each organisation's stage (the tile map), the peer lens for your council and the savings")
    Spread spread(
            @PathVariable String practiceId,
            @Parameter(description = "yyyy-mm-dd, today or earlier; today when left out")
                    @RequestParam(required = false)
                    String asOf,
            @AuthenticationPrincipal WorkspaceUser user) {
        PracticeSpread practice = spreads.find(practiceId).orElseThrow(() -> new NotFoundException("practice"));
        LocalDate day = day(asOf);
        SpreadFigures figures = SpreadFigures.of(practice, day);
        PeerLens lens = figures.peerLens(user.organisationId(), pages.grid());
        return new Spread(
                practice.id(),
                practice.name(),
                day,
                figures.curve(),
                figures.adopters(),
                figures.categoryCounts(),
                figures.stages(),
                new Lens(
                        lens.council(),
                        lens.ownStage(),
                        lens.neighboursSentence(),
                        lens.neighbours(),
                        lens.neighbours().adopting(),
                        lens.peersSentence(),
                        lens.peers(),
                        lens.peers().adopting()),
                SavingsLedger.of(List.of(practice), day).total());
    }

    @GetMapping("/api/savings")
    @Operation(
            summary = "The savings ledger as it stood on a day: totals by practice, theme and organisation, in pence,"
                    + " cashable and non-cashable apart, verified and claimed apart")
    Ledger savings(
            @Parameter(description = "yyyy-mm-dd, today or earlier; today when left out")
                    @RequestParam(required = false)
                    String asOf) {
        LocalDate day = day(asOf);
        SavingsLedger ledger = SavingsLedger.of(spreads.all(), day);
        return new Ledger(day, ledger.total(), ledger.byPractice(), ledger.byTheme(), ledger.byOrganisation());
    }

    private LocalDate day(String asOf) {
        SpreadPages.AsOf day = pages.asOf(asOf);
        if (day.error() != null) {
            throw new BadDate(day.error());
        }
        return day.day();
    }

    @ExceptionHandler(BadDate.class)
    ProblemDetail badDate(BadDate bad) {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", bad.getMessage());
    }
}
