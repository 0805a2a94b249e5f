package org.collaborative.app.spread;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collaborative.app.spread.SpreadFigures.CurvePoint;

/**
 * The geometry of the S-curve's SVG: a step line of cumulative adopters over time, from the first day shown to the
 * day asked about, with one marked point per day on which organisations adopted. The template only places what this
 * computes, and the table twin lists the same {@link #points()}.
 */
public record CurveChart(
        int width,
        int height,
        String path,
        List<Marker> markers,
        List<Tick> xTicks,
        List<Tick> yTicks,
        int plotLeft,
        int plotTop,
        int plotRight,
        int plotBottom,
        List<CurvePoint> points) {

    /** A marked point: the day and the cumulative count it shows, where it is drawn. */
    public record Marker(double x, double y, LocalDate on, int adopters, int newAdopters) {}

    /** An axis label at a position. */
    public record Tick(double at, String label) {}

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    static final int LEFT = 56;
    static final int RIGHT = 24;
    static final int TOP = 16;
    static final int BOTTOM = 48;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    /**
     * The chart of these points, from {@code from} (the first day shown) to {@code to} (the day asked about). The
     * vertical axis runs to the largest count, rounded up to a multiple of 5 (at least 5).
     */
    public static CurveChart of(List<CurvePoint> points, LocalDate from, LocalDate to) {
        LocalDate start = points.isEmpty() || !points.get(0).on().isBefore(from)
                ? from
                : points.get(0).on();
        LocalDate end = to.isAfter(start) ? to : start.plusDays(1);
        int max = points.isEmpty() ? 0 : points.get(points.size() - 1).adopters();
        int top = Math.max(5, ((max + 4) / 5) * 5);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        long days = ChronoUnit.DAYS.between(start, end);
        java.util.function.Function<LocalDate, Double> x =
                day -> round(LEFT + plotWidth * ChronoUnit.DAYS.between(start, day) / days);
        java.util.function.IntFunction<Double> y = n -> round(TOP + plotHeight - plotHeight * n / top);

        StringBuilder path = new StringBuilder("M" + x.apply(start) + "," + y.apply(0));
        List<Marker> markers = new ArrayList<>();
        for (CurvePoint point : points) {
            double px = x.apply(point.on());
            double py = y.apply(point.adopters());
            path.append(" H").append(px).append(" V").append(py);
            markers.add(new Marker(px, py, point.on(), point.adopters(), point.newAdopters()));
        }
        path.append(" H").append(x.apply(end));

        List<Tick> yTicks = new ArrayList<>();
        int step = top <= 10 ? 1 : top <= 20 ? 5 : 10;
        for (int n = 0; n <= top; n += step) {
            yTicks.add(new Tick(y.apply(n), Integer.toString(n)));
        }
        List<Tick> xTicks = new ArrayList<>();
        long months = ChronoUnit.MONTHS.between(start.withDayOfMonth(1), end.withDayOfMonth(1));
        int every = months <= 8 ? 1 : months <= 18 ? 3 : months <= 48 ? 6 : 12;
        LocalDate tick = start.withDayOfMonth(1).plusMonths(1);
        while (!tick.isAfter(end)) {
            if ((tick.getMonthValue() - 1) % every == 0) {
                xTicks.add(new Tick(x.apply(tick), MONTH.format(tick)));
            }
            tick = tick.plusMonths(1);
        }
        return new CurveChart(
                WIDTH,
                HEIGHT,
                path.toString(),
                List.copyOf(markers),
                List.copyOf(xTicks),
                List.copyOf(yTicks),
                LEFT,
                TOP,
                WIDTH - RIGHT,
                HEIGHT - BOTTOM,
                List.copyOf(points));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
