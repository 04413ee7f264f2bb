package io.github.cameldeck.simulator;

import java.util.Random;

/**
 * Faults of the file host (storage and screenshot downloads), reached through {@link FaultInjection#downloads()}. All
 * off by default; independent of the API faults (neither setting touches the other), cleared with them by
 * {@link FaultInjection#reset()} and seeded with them by {@link FaultInjection#seed(long)}. Only GET requests that
 * would otherwise get their file get a fault. Thread-safe.
 */
public final class DownloadFaults {

    private volatile double serverErrors;
    private volatile double truncated;
    private volatile double slowFraction;
    private volatile long slowBytesPerSecond;
    private Random random = new Random();
    private long serverErrorCounter;

    DownloadFaults() {
    }

    /** Fraction (0–1) of downloads answered 500 {@code InternalError} or 503 {@code SlowDown}, in turn. */
    public DownloadFaults serverErrors(double fraction) {
        this.serverErrors = FaultInjection.fraction(fraction);
        return this;
    }

    /**
     * Fraction of downloads whose connection is closed mid-body: the headers announce the full
     * {@code Content-Length}, then a random part of the bytes (at least one, never all) is sent before the close.
     */
    public DownloadFaults truncated(double fraction) {
        this.truncated = FaultInjection.fraction(fraction);
        return this;
    }

    /** Fraction of downloads sent at no more than {@code bytesPerSecond} (in real time, not on the simulator clock). */
    public DownloadFaults slow(double fraction, long bytesPerSecond) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("bytesPerSecond must be positive");
        }
        this.slowBytesPerSecond = bytesPerSecond;
        this.slowFraction = FaultInjection.fraction(fraction);
        return this;
    }

    public double serverErrorFraction() {
        return serverErrors;
    }

    public double truncatedFraction() {
        return truncated;
    }

    public double slowFraction() {
        return slowFraction;
    }

    public long slowBytesPerSecond() {
        return slowBytesPerSecond;
    }

    /** The status of an injected server error for this download, or 0 for none. */
    public synchronized int nextServerError() {
        if (!roll(serverErrors)) {
            return 0;
        }
        return serverErrorCounter++ % 2 == 0 ? 500 : 503;
    }

    /** How many bytes of a {@code size}-byte download to send before closing the connection, or -1 for all. */
    public synchronized long truncationPoint(long size) {
        if (size < 2 || !roll(truncated)) {
            return -1;
        }
        return 1 + (long) (random.nextDouble() * (size - 1));
    }

    /** The byte rate for this download, or 0 for full speed. */
    public synchronized long throttle() {
        return roll(slowFraction) ? slowBytesPerSecond : 0;
    }

    synchronized void seed(long seed) {
        this.random = new Random(seed);
    }

    synchronized void reset() {
        serverErrors = 0;
        truncated = 0;
        slowFraction = 0;
        slowBytesPerSecond = 0;
        serverErrorCounter = 0;
    }

    private boolean roll(double probability) {
        if (probability <= 0) {
            return false;
        }
        return probability >= 1 || random.nextDouble() < probability;
    }
}
