package org.collaborative.app.spread;

import java.util.ArrayList;
import java.util.List;

/** The geometry of a labelled bar chart's SVG: one bar per label, its value printed above it. */
public record BarChart(int width, int height, int baseline, List<Bar> bars) {

    public record Bar(String label, int value, double x, double y, double width, double height) {}

    static final int HEIGHT = 240;
    static final int TOP = 24;
    static final int BOTTOM = 40;
    static final int BAR = 56;
    static final int GAP = 24;

    public static BarChart of(List<String> labels, List<Integer> values) {
        int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(1));
        double plot = HEIGHT - TOP - BOTTOM;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            double h = Math.round(plot * values.get(i) / max * 10) / 10.0;
            bars.add(new Bar(labels.get(i), values.get(i), GAP + i * (BAR + GAP), HEIGHT - BOTTOM - h, BAR, h));
        }
        return new BarChart(GAP + labels.size() * (BAR + GAP), HEIGHT, HEIGHT - BOTTOM, List.copyOf(bars));
    }
}
