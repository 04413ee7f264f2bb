package io.github.cameldeck.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * The simulator's notion of "now". Everything time-based in the simulator (run progress, timestamps, idempotency
 * expiry, event retention) uses this clock; only the rate limiter uses real time.
 */
public abstract class SimulatorClock {

    /** The current instant; never earlier than a previously returned one. */
    public abstract Instant now();

    /** True if time only moves when the test moves it ({@link ManualClock}). */
    public boolean isManual() {
        return false;
    }

    /** The wall clock (made monotonic). */
    public static SimulatorClock system() {
        return new SystemClock();
    }

    /** A clock that stands still until {@link ManualClock#advance} is called. */
    public static ManualClock manual(Instant start) {
        return new ManualClock(Objects.requireNonNull(start, "start"));
    }

    private static final class SystemClock extends SimulatorClock {
        private Instant last = Instant.EPOCH;

        @Override
        public synchronized Instant now() {
            Instant current = Instant.now();
            if (current.isAfter(last)) {
                last = current;
            }
            return last;
        }

        @Override
        public String toString() {
            return "SimulatorClock.system()";
        }
    }
}
