package org.collaborative.app.spread;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Move;

/**
 * One practice's spread as it stood on a day, computed from its whole history when it is read (docs/adr/0019).
 *
 * <p><b>As of a day</b>: the moves that <em>happened</em> on or before it ({@code happenedOn}), from everything recorded
 * up to now. A move recorded late but dated earlier corrects the past: the figures for a past day are our best
 * knowledge of that day today, and the table of moves shows both dates so a reader can see where that happened.
 *
 * <p><b>Stage</b> of an organisation on a day: its last move on or before it, in order of the day it happened and then
 * of when it was recorded. <b>Adopter</b>: an organisation that has reached an adopting stage ({@link Stages#ADOPTING})
 * on or before the day; it stays on the cumulative curve if it later abandons (the curve counts adoptions, the map
 * shows where each organisation is now).
 */
public final class SpreadFigures {

    /** One point of the S-curve: on this day, so many organisations had adopted (cumulative). */
    public record CurvePoint(LocalDate on, int adopters, int newAdopters) {}

    /**
     * One adopter, in the order of adoption.
     *
     * @param rank its place by first adopting day (tied adopters share the first of their places)
     * @param stageNow its stage on the day asked about (it may since have abandoned)
     */
    public record Adopter(
            String organisationId,
            LocalDate firstAdopted,
            String firstStage,
            int rank,
            RogersCategory category,
            String stageNow) {}

    private final LocalDate asOf;
    private final List<Move> moves;
    private final Map<String, Move> latest;
    private final List<Adopter> adopters;

    private SpreadFigures(LocalDate asOf, List<Move> moves) {
        this.asOf = asOf;
        this.moves = moves;
        this.latest = latestMoves(moves);
        this.adopters = rankAdopters(moves, latest);
    }

    /** The spread of the practice as it stood at the end of {@code asOf}. */
    public static SpreadFigures of(PracticeSpread practice, LocalDate asOf) {
        return of(practice.moves(), asOf);
    }

    public static SpreadFigures of(List<Move> history, LocalDate asOf) {
        List<Move> moves = history.stream()
                .filter(m -> m.happenedOn() != null && !m.happenedOn().isAfter(asOf))
                .sorted(IN_ORDER)
                .toList();
        return new SpreadFigures(asOf, moves);
    }

    /** The order moves took effect: by the day they happened, then by when they were recorded. */
    static final Comparator<Move> IN_ORDER = Comparator.comparing(Move::happenedOn)
            .thenComparing(Move::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    public LocalDate asOf() {
        return asOf;
    }

    /** The moves that had happened by the day, in the order they took effect. */
    public List<Move> moves() {
        return moves;
    }

    private static Map<String, Move> latestMoves(List<Move> moves) {
        Map<String, Move> latest = new TreeMap<>();
        for (Move move : moves) {
            latest.put(move.organisationId(), move);
        }
        return latest;
    }

    private static List<Adopter> rankAdopters(List<Move> moves, Map<String, Move> latest) {
        Map<String, Move> first = new LinkedHashMap<>();
        for (Move move : moves) {
            if (Stages.adopting(move.stage())) {
                first.putIfAbsent(move.organisationId(), move);
            }
        }
        List<Move> ordered = first.values().stream()
                .sorted(Comparator.comparing(Move::happenedOn).thenComparing(Move::organisationId))
                .toList();
        int n = ordered.size();
        List<Adopter> result = new ArrayList<>(n);
        int rank = 0;
        LocalDate previous = null;
        for (int i = 0; i < n; i++) {
            Move move = ordered.get(i);
            if (!move.happenedOn().equals(previous)) {
                rank = i + 1;
                previous = move.happenedOn();
            }
            result.add(new Adopter(
                    move.organisationId(),
                    move.happenedOn(),
                    move.stage(),
                    rank,
                    RogersCategory.of(rank, n),
                    latest.get(move.organisationId()).stage()));
        }
        return List.copyOf(result);
    }

    /** Each organisation's stage on the day (organisations with no move by then are absent). */
    public Map<String, String> stages() {
        Map<String, String> stages = new TreeMap<>();
        latest.forEach((org, move) -> stages.put(org, move.stage()));
        return stages;
    }

    public String stageOf(String organisationId) {
        Move move = latest.get(organisationId);
        return move == null ? null : move.stage();
    }

    /** Each organisation's last move by the day. */
    public Map<String, Move> latest() {
        return latest;
    }

    /** The adopters so far, in the order they adopted. */
    public List<Adopter> adopters() {
        return adopters;
    }

    /** The S-curve: one point per day on which at least one organisation adopted, cumulative. */
    public List<CurvePoint> curve() {
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        for (Adopter adopter : adopters) {
            perDay.merge(adopter.firstAdopted(), 1, Integer::sum);
        }
        List<CurvePoint> points = new ArrayList<>();
        int total = 0;
        for (Map.Entry<LocalDate, Integer> day : perDay.entrySet()) {
            total += day.getValue();
            points.add(new CurvePoint(day.getKey(), total, day.getValue()));
        }
        return points;
    }

    /** How many adopters fall in each category (every category present, in order). */
    public Map<RogersCategory, Integer> categoryCounts() {
        Map<RogersCategory, Integer> counts = new LinkedHashMap<>();
        for (RogersCategory category : RogersCategory.values()) {
            counts.put(category, 0);
        }
        adopters.forEach(a -> counts.merge(a.category(), 1, Integer::sum));
        return counts;
    }

    /** The peer lens for a council: where its neighbours and statistical peers stood on the day. */
    public PeerLens peerLens(String council, BoroughGrid grid) {
        return new PeerLens(
                council, group(grid.neighbours(council)), group(grid.statisticalPeers(council)), stageOf(council));
    }

    private PeerLens.Group group(Set<String> boroughs) {
        Map<String, String> stageOf = new TreeMap<>();
        for (String borough : boroughs) {
            stageOf.put(borough, stageOf(borough));
        }
        return new PeerLens.Group(stageOf);
    }
}
