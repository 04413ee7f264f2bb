package io.github.cameldeck.examples.cluster;

import java.time.Duration;

/**
 * How fast the file lock cluster service hands leadership over. The leader rewrites a heartbeat every
 * {@code acquireInterval}; a follower, which looks at the same interval, takes the lock once the heartbeat is older than
 * {@code acquireInterval x heartbeatTimeoutMultiplier}. The last heartbeat of a killed leader is up to one interval
 * old, and a follower looks up to one interval late, so it is replaced after between {@code multiplier - 1} and
 * {@code multiplier + 1} intervals: {@link #takeoverTime()} at most.
 */
public record LockTimings(Duration acquireInterval, int heartbeatTimeoutMultiplier) {

    /** 1 s and 3: a killed leader is replaced within 2 to 4 s. */
    public static LockTimings defaults() {
        return new LockTimings(Duration.ofSeconds(1), 3);
    }

    public LockTimings {
        if (acquireInterval.isNegative() || acquireInterval.isZero()) {
            throw new IllegalArgumentException("acquireInterval must be positive: " + acquireInterval);
        }
        if (heartbeatTimeoutMultiplier < 1) {
            throw new IllegalArgumentException(
                    "heartbeatTimeoutMultiplier must be at least 1: " + heartbeatTimeoutMultiplier);
        }
    }

    /** The heartbeat timeout, plus one interval until a follower looks again. */
    public Duration takeoverTime() {
        return acquireInterval.multipliedBy(heartbeatTimeoutMultiplier + 1L);
    }
}
