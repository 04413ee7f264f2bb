package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.Arrays;

/**
 * The most requests that arrived within one window, admitted or not: what a client that shares Deck's limit must keep
 * under the limit. Counted in hundredths of the window; the count covers 101 of them, so it never reports less than
 * the true busiest window (it may report up to a hundredth of a window more).
 */
final class BusiestWindow {

    private static final int SLICES = 100;

    private final long sliceNanos;
    private final long[] counts = new long[SLICES + 1];
    private long currentSlice;
    private boolean started;
    private long inWindow;
    private long busiest;

    BusiestWindow(Duration window) {
        this.sliceNanos = Math.max(1, window.toNanos() / SLICES);
    }

    synchronized void record(long nanoTime) {
        long slice = Math.floorDiv(nanoTime, sliceNanos);
        if (!started || slice - currentSlice > counts.length) {
            Arrays.fill(counts, 0);
            inWindow = 0;
        } else {
            for (long s = currentSlice + 1; s <= slice; s++) {
                int index = (int) Math.floorMod(s, (long) counts.length);
                inWindow -= counts[index];
                counts[index] = 0;
            }
        }
        started = true;
        currentSlice = Math.max(currentSlice, slice);
        counts[(int) Math.floorMod(slice, (long) counts.length)]++;
        inWindow++;
        busiest = Math.max(busiest, inWindow);
    }

    synchronized long busiest() {
        return busiest;
    }

    synchronized void reset() {
        Arrays.fill(counts, 0);
        started = false;
        inWindow = 0;
        busiest = 0;
    }
}
