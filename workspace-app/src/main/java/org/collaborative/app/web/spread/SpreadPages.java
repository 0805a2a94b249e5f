package org.collaborative.app.web.spread;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.kernel.London;
import org.collaborative.app.organisation.OrganisationViews;
import org.collaborative.app.spread.BoroughGrid;
import org.collaborative.app.spread.CurveChart;
import org.collaborative.app.spread.PeerLens;
import org.collaborative.app.spread.PracticeSpreads;
import org.collaborative.app.spread.RogersCategory;
import org.collaborative.app.spread.SavingsLedger;
import org.collaborative.app.spread.SpreadFigures;
import org.collaborative.app.spread.Stages;
import org.collaborative.app.spread.TileMap;
import org.collaborative.views.organisation.OrganisationCard;
import org.collaborative.views.spread.PracticeSpread;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Everything the spread views of one practice show, as it stood on a day: the S-curve, the tile map, the peer lens
 * for the reader's council, the adopters with their Rogers categories, the moves, the savings and the chain it came
 * from. Used by the practice page's include ({@code practice/spread.html}) and by {@code /practices/{id}/spread}.
 */
@Component("spreadPages")
public class SpreadPages {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The page's model. {@code asOfError} is set when the date asked for could not be used (today is shown). */
    public record SpreadPage(
            PracticeSpread practice,
            LocalDate asOf,
            boolean today,
            LocalDate todayDate,
            String asOfError,
            SpreadFigures figures,
            CurveChart curve,
            TileMap map,
            PeerLens lens,
            SavingsLedger.Totals savings,
            Map<RogersCategory, Integer> categories,
            String summary,
            String zone,
            Map<String, String> names) {

        public String name(String organisationId) {
            return names.getOrDefault(organisationId, organisationId);
        }

        public String day(LocalDate day) {
            return day == null ? "" : DAY.format(day);
        }

        public String stage(String stage) {
            return Stages.label(stage);
        }

        public List<String> stageOrder() {
            return Stages.ORDER;
        }

        public String css(String stage) {
            return Stages.css(stage);
        }

        public String code(String stage) {
            return Stages.code(stage);
        }
    }

    /** What "as it stood on" was asked for, understood. */
    record AsOf(LocalDate day, String error) {}

    private final PracticeSpreads spreads;
    private final OrganisationViews organisations;
    private final BoroughGrid grid;
    private final Clock clock;

    SpreadPages(PracticeSpreads spreads, OrganisationViews organisations, Clock clock) {
        this.spreads = spreads;
        this.organisations = organisations;
        this.grid = BoroughGrid.london();
        this.clock = clock;
    }

    public BoroughGrid grid() {
        return grid;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(London.ZONE));
    }

    /** A day from the form's {@code asOf} (yyyy-mm-dd); blank is today; a later day than today is refused. */
    AsOf asOf(String asked) {
        LocalDate today = today();
        if (asked == null || asked.isBlank()) {
            return new AsOf(today, null);
        }
        try {
            LocalDate day = LocalDate.parse(asked.strip());
            if (day.isAfter(today)) {
                return new AsOf(today, "The date must be today or in the past");
            }
            return new AsOf(day, null);
        } catch (DateTimeParseException e) {
            return new AsOf(today, "Enter a real date, for example 2025-03-27");
        }
    }

    /**
     * For the practice page's include: the spread of the practice as it stood on the day in the request's
     * {@code asOf} parameter (read here: templates may not pass request parameters into a fragment).
     */
    public SpreadPage forPractice(String practiceId, WorkspaceUser reader) {
        String asked = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            asked = request.getRequest().getParameter("asOf");
        }
        // A practice whose first events the projection has not reached yet has no moves to show.
        PracticeSpread practice = spreads.find(practiceId).orElseGet(() -> PracticeSpread.empty(practiceId));
        return page(practice, asOf(asked), reader == null ? null : reader.organisationId());
    }

    SpreadPage page(PracticeSpread practice, AsOf asOf, String council) {
        LocalDate day = asOf.day();
        SpreadFigures figures = SpreadFigures.of(practice, day);
        LocalDate from = practice.firstTriedOn() != null
                ? practice.firstTriedOn()
                : practice.recordedAt() != null
                        ? practice.recordedAt().atZone(London.ZONE).toLocalDate()
                        : day.minusYears(1);
        if (!figures.moves().isEmpty() && figures.moves().get(0).happenedOn().isBefore(from)) {
            from = figures.moves().get(0).happenedOn();
        }
        if (!from.isBefore(day)) {
            from = day.minusMonths(1);
        }
        Map<String, String> names = names();
        SavingsLedger.Totals savings = SavingsLedger.of(List.of(practice), day).total();
        return new SpreadPage(
                practice,
                day,
                day.equals(today()),
                today(),
                asOf.error(),
                figures,
                CurveChart.of(figures.curve(), from, day),
                TileMap.of(grid, figures, council),
                figures.peerLens(council, grid),
                savings,
                figures.categoryCounts(),
                summary(figures, names),
                grid.tile(council).map(BoroughGrid.Tile::zone).orElse(null),
                names);
    }

    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        grid.tiles().forEach(t -> names.put(t.organisationId(), t.name()));
        for (OrganisationCard card : organisations.all()) {
            names.put(card.id(), card.name());
        }
        return names;
    }

    /** The text summary of the curve and the map, for every reader (and the first thing a screen reader hears). */
    static String summary(SpreadFigures figures, Map<String, String> names) {
        List<SpreadFigures.Adopter> adopters = figures.adopters();
        String day = DAY.format(figures.asOf());
        if (adopters.isEmpty()) {
            return "By " + day + ", no organisation had put this practice to work (piloting, adopted, embedded or"
                    + " adapted).";
        }
        SpreadFigures.Adopter first = adopters.get(0);
        SpreadFigures.Adopter last = adopters.get(adopters.size() - 1);
        StringBuilder text = new StringBuilder("By ")
                .append(day)
                .append(", ")
                .append(adopters.size())
                .append(adopters.size() == 1 ? " organisation had" : " organisations had")
                .append(" put this practice to work. The first was ")
                .append(names.getOrDefault(first.organisationId(), first.organisationId()))
                .append(" on ")
                .append(DAY.format(first.firstAdopted()));
        if (adopters.size() > 1) {
            text.append("; the latest ")
                    .append(names.getOrDefault(last.organisationId(), last.organisationId()))
                    .append(" on ")
                    .append(DAY.format(last.firstAdopted()));
        }
        text.append(".");
        Map<String, Integer> byStage = new java.util.LinkedHashMap<>();
        for (String stage : Stages.ORDER) {
            long n = figures.stages().values().stream().filter(stage::equals).count();
            if (n > 0) {
                byStage.put(stage, (int) n);
            }
        }
        List<String> parts = new ArrayList<>();
        byStage.forEach((stage, n) -> parts.add(n + " " + Stages.label(stage).toLowerCase(Locale.UK)));
        text.append(" Stages on that day: ").append(String.join(", ", parts)).append(".");
        return text.toString();
    }
}
