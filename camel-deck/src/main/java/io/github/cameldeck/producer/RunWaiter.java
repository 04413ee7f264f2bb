package io.github.cameldeck.producer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.Futures;
import io.github.cameldeck.model.TaskRun;

/**
 * Waits for a run to finish or to need a person (waitForCompletion): polls {@code GET /task-runs/{id}} at growing
 * intervals (0.5s, x1.5, at most 10s). Each poll is sent on a thread of the component's scheduler, which waits for that
 * answer; no thread is held between polls. When waitTimeout passes the run is returned as last seen.
 */
final class RunWaiter {

    static final long FIRST_INTERVAL_MS = 500;
    static final long MAX_INTERVAL_MS = 10_000;

    private final DeckClient client;
    private final ScheduledExecutorService scheduler;

    RunWaiter(DeckClient client, ScheduledExecutorService scheduler) {
        this.client = client;
        this.scheduler = scheduler;
    }

    static boolean isSettled(TaskRun run) {
        return run.isTerminal() || run.isWaitingForPerson();
    }

    CompletableFuture<TaskRun> waitFor(TaskRun run, long timeoutMs) {
        if (isSettled(run) || run.getId() == null) {
            return CompletableFuture.completedFuture(run);
        }
        CompletableFuture<TaskRun> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        schedulePoll(run, FIRST_INTERVAL_MS, deadline, result);
        return result;
    }

    private void schedulePoll(TaskRun last, long interval, long deadline, CompletableFuture<TaskRun> result) {
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMs <= 0) {
            result.complete(last);
            return;
        }
        try {
            scheduler.schedule(() -> poll(last, interval, deadline, result), Math.min(interval, remainingMs),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException(
                    "Stopped while waiting for task run " + last.getId() + " (last status " + last.getStatusValue()
                            + ")",
                    e));
        }
    }

    private void poll(TaskRun last, long interval, long deadline, CompletableFuture<TaskRun> result) {
        client.getTaskRun(last.getId(), null).whenComplete((run, error) -> {
            if (error != null) {
                result.completeExceptionally(Futures.unwrap(error));
            } else if (isSettled(run)) {
                result.complete(run);
            } else {
                schedulePoll(run, Math.min(MAX_INTERVAL_MS, interval * 3 / 2), deadline, result);
            }
        });
    }
}
