package io.github.cameldeck.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The busiest window counts arrivals on the times it is given: never less than the true count, at most a slice more. */
class BusiestWindowTest {

    private static final long MS = 1_000_000L;

    private final BusiestWindow busiest = new BusiestWindow(Duration.ofSeconds(10));

    private void arrive(long count, long atMillis) {
        for (int i = 0; i < count; i++) {
            busiest.record(atMillis * MS);
        }
    }

    @Test
    void countsWhatArrivesWithinOneWindow() {
        arrive(100, 0);
        arrive(100, 9_000);
        assertThat(busiest.busiest()).isEqualTo(200);
    }

    @Test
    void forgetsWhatAgedOut() {
        arrive(100, 0);
        arrive(100, 10_200);
        arrive(100, 20_400);
        assertThat(busiest.busiest()).isEqualTo(100);
    }

    @Test
    void neverCountsLessThanTheTrueSlidingWindow() {
        // 150 at 9.95 s and 150 at 19.9 s are 9.95 s apart: one sliding window of 10 s holds all 300
        arrive(150, 9_950);
        arrive(150, 19_900);
        assertThat(busiest.busiest()).isEqualTo(300);
    }

    @Test
    void aLongPauseClearsTheWindow() {
        arrive(50, 0);
        arrive(10, 3_600_000);
        assertThat(busiest.busiest()).isEqualTo(50);
        busiest.reset();
        arrive(3, 3_600_001);
        assertThat(busiest.busiest()).isEqualTo(3);
    }
}
