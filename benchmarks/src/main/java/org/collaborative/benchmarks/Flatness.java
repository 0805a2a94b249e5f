package org.collaborative.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whether a measure sampled through a soak is flat at the end: the last sixth of the run (the last 5 minutes of 30)
 * against the sixth after a sixth of warm-up (minutes 5–10 of 30), and the least-squares trend over the second half.
 * A measure is flat when neither its rise from the early window's median to the last window's median nor the rise its
 * second-half trend line makes over that half exceeds the tolerance; a fall is flat. With too few samples in a window
 * there is no verdict.
 */
final class Flatness {

    private Flatness() {}

    /** How much a measure may rise and still be flat: the larger of a share of its early median and an amount. */
    record Tolerance(double relative, double absolute) {

        double of(double early) {
            return Math.max(relative * Math.abs(early), absolute);
        }
    }

    /** One sample: seconds since the load started, and the value. */
    record Sample(double seconds, double value) {}

    /** The samples of one window: how many, and their minimum, median and maximum. */
    record Window(int samples, double min, double median, double max) {

        static Window of(List<Double> values) {
            if (values.isEmpty()) {
                return new Window(0, Double.NaN, Double.NaN, Double.NaN);
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return new Window(sorted.size(), sorted.get(0), Benchmarks.median(sorted), sorted.get(sorted.size() - 1));
        }
    }

    /**
     * The verdict on one measure: the two windows, the rise between their medians, the rise of the second half's
     * trend line over the second half, the tolerance, and flat (null when a window has fewer than two samples or the
     * second half fewer than three).
     */
    record Verdict(Window early, Window last, double growth, double trendRise, double tolerance, Boolean flat) {}

    /** Judges the samples of a run that lasted {@code durationSeconds}. */
    static Verdict judge(List<Sample> samples, double durationSeconds, Tolerance tolerance) {
        double sixth = durationSeconds / 6;
        List<Double> early = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        List<Sample> secondHalf = new ArrayList<>();
        for (Sample sample : samples) {
            if (Double.isNaN(sample.value())) {
                continue;
            }
            double t = sample.seconds();
            if (t >= sixth && t < 2 * sixth) {
                early.add(sample.value());
            }
            if (t >= 5 * sixth && t <= durationSeconds) {
                last.add(sample.value());
            }
            if (t >= 3 * sixth && t <= durationSeconds) {
                secondHalf.add(sample);
            }
        }
        Window earlyWindow = Window.of(early);
        Window lastWindow = Window.of(last);
        double allowed = tolerance.of(earlyWindow.median());
        if (early.size() < 2 || last.size() < 2 || secondHalf.size() < 3) {
            return new Verdict(earlyWindow, lastWindow, Double.NaN, Double.NaN, allowed, null);
        }
        double growth = lastWindow.median() - earlyWindow.median();
        double trendRise = slope(secondHalf) * (durationSeconds / 2);
        boolean flat = growth <= allowed && trendRise <= allowed;
        return new Verdict(earlyWindow, lastWindow, growth, trendRise, allowed, flat);
    }

    /** The least-squares slope of value against seconds; 0 when every sample has the same time. */
    static double slope(List<Sample> samples) {
        double n = samples.size();
        double meanT = samples.stream().mapToDouble(Sample::seconds).sum() / n;
        double meanV = samples.stream().mapToDouble(Sample::value).sum() / n;
        double covariance = 0;
        double variance = 0;
        for (Sample sample : samples) {
            covariance += (sample.seconds() - meanT) * (sample.value() - meanV);
            variance += (sample.seconds() - meanT) * (sample.seconds() - meanT);
        }
        return variance == 0 ? 0 : covariance / variance;
    }
}
