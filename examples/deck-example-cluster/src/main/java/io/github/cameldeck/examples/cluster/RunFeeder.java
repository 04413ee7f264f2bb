package io.github.cameldeck.examples.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.simulator.DeckSimulator;

/** Creates the demo's runs on the simulator at a steady rate, on its own thread. */
public final class RunFeeder implements AutoCloseable {

    private final DeckSimulator simulator;
    private final String taskId;
    private final int runs;
    private final int perSecond;
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public RunFeeder(DeckSimulator simulator, String taskId, int runs, int perSecond) {
        this.simulator = simulator;
        this.taskId = taskId;
        this.runs = runs;
        this.perSecond = perSecond;
        this.thread = new Thread(this::feed, "run-feeder");
    }

    public void start() {
        thread.start();
    }

    /** The ids of the runs created so far, in order. */
    public List<String> created() {
        return List.copyOf(created);
    }

    public int count() {
        return created.size();
    }

    /** Waits until {@code count} runs were created; false on timeout or when the feeder ended short. */
    public boolean awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (created.size() < count && thread.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return created.size() >= count;
    }

    /** Waits until every run was created. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return created.size() == runs;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void feed() {
        long start = System.nanoTime();
        for (int i = 0; i < runs && !Thread.currentThread().isInterrupted(); i++) {
            long due = start + i * TimeUnit.SECONDS.toNanos(1) / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            created.add(simulator.startRun(taskId, Map.of("i", i)).id());
        }
    }
}
