package io.github.cameldeck.simulator.http;

import java.time.Duration;

/**
 * Sliding-window request limit on real (monotonic) time: a request is admitted when fewer than {@code limit}
 * requests were admitted in the last window. Rejected requests do not count. A limit of 0 admits everything.
 */
public final class RateLimiter {

    private final int limit;
    private final long windowNanos;
    private final long[] admitted;
    private int next;
    private int count;

    public RateLimiter(int limit, Duration window) {
        this.limit = Math.max(0, limit);
        this.windowNanos = window.toNanos();
        this.admitted = new long[this.limit];
    }

    public boolean tryAcquire() {
        if (limit == 0) {
            return true;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (count < limit) {
                count++;
            } else if (now - admitted[next] < windowNanos) {
                return false;
            }
            admitted[next] = now;
            next = (next + 1) % limit;
            return true;
        }
    }

    public synchronized void reset() {
        count = 0;
        next = 0;
    }

    public int limit() {
        return limit;
    }
}
