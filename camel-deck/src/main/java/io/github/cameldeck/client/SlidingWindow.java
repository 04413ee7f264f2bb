package io.github.cameldeck.client;

import java.util.concurrent.TimeUnit;

/**
 * The times of the last {@code limit} requests granted, to tell whether one more fits in the window. Deck counts a
 * request when it arrives, later than it was granted here: a request ages out only a margin after the window. Not
 * thread-safe.
 */
final class SlidingWindow {

    private final int limit;
    private final long windowNanos;
    private final long marginNanos;
    private final long[] granted;
    private int next;
    private int count;

    SlidingWindow(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.marginNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50), windowNanos / 50);
        this.granted = new long[limit];
    }

    boolean hasRoom(long now) {
        return count < limit || now - granted[next] >= windowNanos + marginNanos;
    }

    void stamp(long now) {
        granted[next] = now;
        next = (next + 1) % limit;
        count = Math.min(count + 1, limit);
    }

    /** When the next request fits: now, or when the oldest one ages out. */
    long freeAt(long now) {
        return count < limit ? now : granted[next] + windowNanos + marginNanos;
    }

    /** The requests granted in the window before {@code now}. */
    int used(long now) {
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (now - granted[i] < windowNanos) {
                used++;
            }
        }
        return used;
    }
}
