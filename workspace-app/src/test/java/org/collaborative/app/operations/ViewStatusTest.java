package org.collaborative.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.collaborative.app.operations.ViewRebuilds.Lost;
import org.collaborative.app.operations.ViewRebuilds.ViewStatus;
import org.collaborative.views.rebuild.Rebuild;
import org.junit.jupiter.api.Test;

/** When the admin page shows a view as lost: found lost at start, and no rebuild has finished since. */
class ViewStatusTest {

    private static final Instant FOUND = Instant.parse("2026-12-06T10:00:00Z");
    private static final Lost LOST = new Lost(FOUND, "projection.search-index", 451);

    @Test
    void aViewNeverFoundLostIsNotLost() {
        assertThat(status(Optional.empty(), Optional.empty()).lostNow()).isFalse();
    }

    @Test
    void aViewFoundLostAndNotRebuiltIsLost() {
        assertThat(status(Optional.of(LOST), Optional.empty()).lostNow()).isTrue();
    }

    @Test
    void aViewStaysLostWhileItsRebuildWaitsRunsOrFails() {
        for (Rebuild.State state : new Rebuild.State[] {Rebuild.State.REQUESTED, Rebuild.State.RUNNING}) {
            assertThat(status(Optional.of(LOST), Optional.of(rebuild(state, null)))
                            .lostNow())
                    .as(state.name())
                    .isTrue();
        }
        assertThat(status(Optional.of(LOST), Optional.of(rebuild(Rebuild.State.FAILED, FOUND.plusSeconds(5))))
                        .lostNow())
                .isTrue();
    }

    @Test
    void aViewRebuiltAfterItWasFoundLostIsNoLongerLost() {
        assertThat(status(Optional.of(LOST), Optional.of(rebuild(Rebuild.State.DONE, FOUND.plusSeconds(5))))
                        .lostNow())
                .isFalse();
    }

    @Test
    void aRebuildFinishedBeforeTheViewWasFoundLostDoesNotCount() {
        assertThat(status(Optional.of(LOST), Optional.of(rebuild(Rebuild.State.DONE, FOUND.minusSeconds(60))))
                        .lostNow())
                .isTrue();
    }

    private static ViewStatus status(Optional<Lost> lost, Optional<Rebuild> latest) {
        return new ViewStatus("search-index", 0, latest, lost);
    }

    private static Rebuild rebuild(Rebuild.State state, Instant finishedAt) {
        return new Rebuild(
                "r1", "search-index", state, "start-up check", FOUND, FOUND, finishedAt, 10, 10, null, null, null);
    }
}
