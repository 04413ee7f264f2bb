package io.github.cameldeck.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A request budget's timer whose tasks run when the test moves the clock ({@link #now}) past their time. */
final class ManualTimer implements RequestBudget.Timer {

    private record Task(long at, Runnable run, boolean[] cancelled) {
    }

    /** The clock, in nanoseconds: pass {@code () -> timer.now} to the budget. */
    long now;
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Runnable schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = new boolean[1];
        tasks.add(new Task(now + delayNanos, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs, in time order, every task due within {@code duration}, and moves the clock by it. */
    void advance(Duration duration) {
        long until = now + duration.toNanos();
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.at <= until).min(Comparator.comparingLong(Task::at))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                tasks.remove(next);
                now = Math.max(now, next.at);
            }
            if (!next.cancelled[0]) {
                next.run.run();
            }
        }
        now = until;
    }
}
