package org.collaborative.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.collaborative.benchmarks.Flatness.Sample;
import org.collaborative.benchmarks.Flatness.Tolerance;
import org.collaborative.benchmarks.Flatness.Verdict;
import org.junit.jupiter.api.Test;

class FlatnessTest {

    private static final double THIRTY_MINUTES = 1800;
    private static final Tolerance TEN_PERCENT_OR_8 = new Tolerance(0.10, 8);

    /** A sample every 10 s from 0 to the end of the run. */
    private static List<Sample> every10s(double duration, DoubleUnaryOperator value) {
        List<Sample> samples = new ArrayList<>();
        for (double t = 0; t <= duration; t += 10) {
            samples.add(new Sample(t, value.applyAsDouble(t)));
        }
        return samples;
    }

    @Test
    void aLevelMeasureWithNoiseIsFlat() {
        Verdict verdict = Flatness.judge(
                every10s(THIRTY_MINUTES, t -> 200 + ((int) (t / 10) % 2 == 0 ? 3 : -3)),
                THIRTY_MINUTES,
                TEN_PERCENT_OR_8);

        assertThat(verdict.flat()).isTrue();
        assertThat(verdict.early().samples()).isEqualTo(30);
        assertThat(verdict.last().samples()).isEqualTo(31);
        assertThat(verdict.growth()).isBetween(-6.0, 6.0);
    }

    @Test
    void aSteadyLeakIsNotFlat() {
        // 1.5 MiB a minute on 200: 30 MiB more at the end than in minutes 5–10, over the 21 allowed.
        Verdict verdict = Flatness.judge(every10s(THIRTY_MINUTES, t -> 200 + t / 40), THIRTY_MINUTES, TEN_PERCENT_OR_8);

        assertThat(verdict.flat()).isFalse();
        assertThat(verdict.growth()).isCloseTo(30.1, org.assertj.core.data.Offset.offset(0.1));
        assertThat(verdict.trendRise()).isCloseTo(22.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(verdict.tolerance()).isCloseTo(21.1, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aClimbThatStartsLateIsNotFlatThoughTheWindowsAreClose() {
        // Level until minute 27, then 15 a minute: the last window's median is still near the early one, the trend
        // of the second half is not.
        Verdict verdict = Flatness.judge(
                every10s(THIRTY_MINUTES, t -> t < 1620 ? 100 : 100 + (t - 1620) / 4), THIRTY_MINUTES, TEN_PERCENT_OR_8);

        assertThat(verdict.growth()).isLessThan(verdict.tolerance());
        assertThat(verdict.trendRise()).isGreaterThan(verdict.tolerance());
        assertThat(verdict.flat()).isFalse();
    }

    @Test
    void aFallIsFlat() {
        Verdict verdict = Flatness.judge(every10s(THIRTY_MINUTES, t -> 400 - t / 10), THIRTY_MINUTES, TEN_PERCENT_OR_8);

        assertThat(verdict.growth()).isNegative();
        assertThat(verdict.flat()).isTrue();
    }

    @Test
    void aLagNearZeroIsJudgedAgainstTheAbsoluteAllowance() {
        Tolerance lag = new Tolerance(0.5, 100);
        Verdict sawtooth = Flatness.judge(every10s(THIRTY_MINUTES, t -> t % 30), THIRTY_MINUTES, lag);
        Verdict growing = Flatness.judge(every10s(THIRTY_MINUTES, t -> t / 4), THIRTY_MINUTES, lag);

        assertThat(sawtooth.tolerance()).isEqualTo(100);
        assertThat(sawtooth.flat()).isTrue();
        assertThat(growing.flat()).isFalse();
    }

    @Test
    void theWindowsScaleWithAShortRunAndNaNSamplesAreLeftOut() {
        List<Sample> samples = every10s(180, t -> t >= 150 ? 130 : 100);
        samples.add(new Sample(175, Double.NaN));

        Verdict verdict = Flatness.judge(samples, 180, TEN_PERCENT_OR_8);

        // Early window 30–60 s, last window 150–180 s.
        assertThat(verdict.early().samples()).isEqualTo(3);
        assertThat(verdict.last().samples()).isEqualTo(4);
        assertThat(verdict.last().median()).isEqualTo(130);
        assertThat(verdict.flat()).isFalse();
    }

    @Test
    void tooFewSamplesGiveNoVerdict() {
        Verdict verdict =
                Flatness.judge(List.of(new Sample(400, 1), new Sample(1700, 1)), THIRTY_MINUTES, TEN_PERCENT_OR_8);

        assertThat(verdict.flat()).isNull();
    }
}
