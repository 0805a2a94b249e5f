package org.collaborative.app.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.collaborative.app.spread.RogersCategory.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RogersCategoryTest {

    @Test
    void fortyAdoptersSplitExactlyAsRogersSays() {
        List<RogersCategory> categories = new ArrayList<>();
        for (int rank = 1; rank <= 40; rank++) {
            categories.add(RogersCategory.of(rank, 40));
        }
        // Bands end at 1, 6.4, 20, 33.6 and 40 places: a place belongs to the band it begins in.
        assertThat(categories.stream().filter(INNOVATORS::equals).count()).isEqualTo(1);
        assertThat(categories.stream().filter(EARLY_ADOPTERS::equals).count()).isEqualTo(6);
        assertThat(categories.stream().filter(EARLY_MAJORITY::equals).count()).isEqualTo(13);
        assertThat(categories.stream().filter(LATE_MAJORITY::equals).count()).isEqualTo(14);
        assertThat(categories.stream().filter(LAGGARDS::equals).count()).isEqualTo(6);
    }

    @Test
    void theFirstAdopterIsAlwaysAnInnovator() {
        assertThat(RogersCategory.of(1, 1)).isEqualTo(INNOVATORS);
        assertThat(RogersCategory.of(1, 10)).isEqualTo(INNOVATORS);
        assertThat(RogersCategory.of(2, 10)).isEqualTo(EARLY_ADOPTERS);
    }

    @Test
    void tenAdoptersPlaceEachByWhereItsPlaceBegins() {
        // Places begin at 0%, 10%, 20% ... 90%.
        assertThat(List.of(
                        of(1, 10),
                        of(2, 10),
                        of(3, 10),
                        of(4, 10),
                        of(5, 10),
                        of(6, 10),
                        of(7, 10),
                        of(8, 10),
                        of(9, 10),
                        of(10, 10)))
                .containsExactly(
                        INNOVATORS,
                        EARLY_ADOPTERS,
                        EARLY_MAJORITY,
                        EARLY_MAJORITY,
                        EARLY_MAJORITY,
                        LATE_MAJORITY,
                        LATE_MAJORITY,
                        LATE_MAJORITY,
                        LATE_MAJORITY,
                        LAGGARDS);
    }

    @Test
    void aRankOutsideTheAdoptersIsAMistake() {
        assertThatThrownBy(() -> RogersCategory.of(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RogersCategory.of(4, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
