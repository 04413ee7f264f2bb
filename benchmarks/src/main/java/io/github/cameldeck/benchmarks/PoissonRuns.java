package io.github.cameldeck.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Task;

/**
 * Starts runs in a Poisson stream (exponential gaps), so their completions fall at every phase of a consumer's poll
 * cycle, and tells when each completes.
 */
final class PoissonRuns {

    private PoissonRuns() {
    }

    /**
     * Starts {@code runs} runs of {@code task} at {@code perSecond} on average. A run is created between the two
     * nanoTime readings around {@code sim.startRun} and completes its scenario's {@code runTime} later.
     *
     * @return each run's completion time (System.nanoTime)
     */
    static Map<String, Long> start(DeckSimulator sim, Task task, int perSecond, int runs, Duration runTime, int phase)
            throws InterruptedException {
        Map<String, Long> due = new ConcurrentHashMap<>();
        double meanGapNanos = 1e9 / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            next += (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * meanGapNanos);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long t0 = System.nanoTime();
            String id = sim.startRun(task.id(), Map.of("phase", phase, "n", i)).id();
            long t1 = System.nanoTime();
            due.put(id, (t0 + t1) / 2 + runTime.toNanos());
        }
        return due;
    }
}
