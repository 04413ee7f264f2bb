package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A simulator clock moved only by the test. Prefer {@link DeckSimulator#advance(Duration)}, which also processes the
 * run transitions that became due; moving this clock directly lets them happen on the next request.
 */
public final class ManualClock extends SimulatorClock {

    private Instant now;

    ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public boolean isManual() {
        return true;
    }

    /** Moves time forward; negative durations are rejected. */
    public synchronized Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The clock cannot go backwards: " + duration);
        }
        now = now.plus(duration);
        return now;
    }

    /** Moves time forward to the given instant; earlier instants are rejected. */
    public synchronized Instant set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("The clock cannot go backwards: " + instant + " < " + now);
        }
        now = instant;
        return now;
    }

    @Override
    public String toString() {
        return "ManualClock[" + now() + "]";
    }
}
