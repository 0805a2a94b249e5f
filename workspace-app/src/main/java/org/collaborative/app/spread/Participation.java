package org.collaborative.app.spread;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.collaborative.app.kernel.London;

/**
 * Participation for facilitators: how many things each organisation did (posted, answered, endorsed, challenged,
 * commented, recorded an adoption move...) in each month, by organisation and by theme, and which boroughs were quiet
 * (did nothing in the months shown). Months are calendar months in London time.
 */
public final class Participation {

    /** One thing someone from an organisation did, in a theme (null when it belongs to none). */
    public record Act(String organisationId, String themeId, Instant at) {}

    /** A row: what it counts (an organisation or a theme, by id), its count per month and its total. */
    public record Row(String key, List<Integer> perMonth, int total) {}

    private final List<YearMonth> months;
    private final List<Row> byOrganisation;
    private final List<Row> byTheme;
    private final List<Integer> perMonth;
    private final List<String> quiet;

    private Participation(
            List<YearMonth> months,
            List<Row> byOrganisation,
            List<Row> byTheme,
            List<Integer> perMonth,
            List<String> quiet) {
        this.months = months;
        this.byOrganisation = byOrganisation;
        this.byTheme = byTheme;
        this.perMonth = perMonth;
        this.quiet = quiet;
    }

    /** The {@code count} months up to and including {@code last}. */
    public static Participation of(Collection<Act> acts, YearMonth last, int count, BoroughGrid grid) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        Map<String, int[]> organisations = new TreeMap<>();
        Map<String, int[]> themes = new TreeMap<>();
        int[] total = new int[count];
        for (Act act : acts) {
            if (act.organisationId() == null || act.at() == null) {
                continue;
            }
            int index = months.indexOf(YearMonth.from(act.at().atZone(London.ZONE)));
            if (index < 0) {
                continue;
            }
            organisations.computeIfAbsent(act.organisationId(), k -> new int[count])[index]++;
            if (act.themeId() != null) {
                themes.computeIfAbsent(act.themeId(), k -> new int[count])[index]++;
            }
            total[index]++;
        }
        List<String> quiet = grid.tiles().stream()
                .map(BoroughGrid.Tile::organisationId)
                .filter(id -> !organisations.containsKey(id))
                .toList();
        return new Participation(List.copyOf(months), rows(organisations), rows(themes), list(total), quiet);
    }

    private static List<Row> rows(Map<String, int[]> counts) {
        Map<String, int[]> ordered = new LinkedHashMap<>(counts);
        return ordered.entrySet().stream()
                .map(e -> new Row(e.getKey(), list(e.getValue()), sum(e.getValue())))
                .sorted(java.util.Comparator.comparingInt(Row::total).reversed().thenComparing(Row::key))
                .toList();
    }

    private static List<Integer> list(int[] counts) {
        List<Integer> list = new ArrayList<>(counts.length);
        for (int n : counts) {
            list.add(n);
        }
        return List.copyOf(list);
    }

    private static int sum(int[] counts) {
        int sum = 0;
        for (int n : counts) {
            sum += n;
        }
        return sum;
    }

    public List<YearMonth> months() {
        return months;
    }

    /** Organisations that did something, the most active first. */
    public List<Row> byOrganisation() {
        return byOrganisation;
    }

    public List<Row> byTheme() {
        return byTheme;
    }

    /** Everything done in each month. */
    public List<Integer> perMonth() {
        return perMonth;
    }

    /** The London boroughs that did nothing in the months shown. */
    public List<String> quiet() {
        return quiet;
    }
}
