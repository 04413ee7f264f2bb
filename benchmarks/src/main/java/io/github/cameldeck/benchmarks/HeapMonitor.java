package io.github.cameldeck.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap figures of this JVM while a drain runs: the peak of used heap sampled every 10 ms (garbage included, so it
 * depends on -Xmx and the collector) and the peak of the live heap, measured by a full collection once a second (what
 * the client really holds: a client whose state grows with the backlog shows it here, whatever the collector does).
 */
final class HeapMonitor implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicLong liveSamples = new AtomicLong();
    private final Thread sampler;
    private volatile boolean measuring;
    private volatile boolean running = true;

    HeapMonitor() {
        sampler = new Thread(() -> {
            long nextFullGc = System.nanoTime() + 1_000_000_000L;
            while (running) {
                try {
                    nextFullGc = sample(nextFullGc);
                } catch (OutOfMemoryError e) {
                    // the client ran out of heap (the drain reports it); the heap was full
                    peakUsed.accumulateAndGet(MEMORY.getHeapMemoryUsage().getMax(), Math::max);
                    peakLive.accumulateAndGet(MEMORY.getHeapMemoryUsage().getMax(), Math::max);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** One 10 ms tick: the used heap, and once a second the live heap; returns when the next full GC is due. */
    private long sample(long nextFullGc) {
        if (!measuring) {
            return System.nanoTime() + 1_000_000_000L;
        }
        peakUsed.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
        if (System.nanoTime() < nextFullGc) {
            return nextFullGc;
        }
        peakLive.accumulateAndGet(liveAfterFullGc(), Math::max);
        liveSamples.incrementAndGet();
        return System.nanoTime() + 1_000_000_000L;
    }

    /** Starts the peaks from zero (after a warm-up). */
    void start() {
        peakUsed.set(0);
        peakLive.set(0);
        liveSamples.set(0);
        measuring = true;
    }

    /** Stops sampling; the last live figure is the caller's (taken at the end of the drain). */
    void stop(long liveAtEnd) {
        measuring = false;
        peakLive.accumulateAndGet(liveAtEnd, Math::max);
    }

    long peakUsed() {
        return peakUsed.get();
    }

    long peakLive() {
        return peakLive.get();
    }

    long liveSamples() {
        return liveSamples.get();
    }

    /** Used heap after two full collections: what is reachable now. */
    static long liveAfterFullGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
