package io.github.cameldeck.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * maxConcurrentRuns: at most {@code max} runs started by this application unfinished at once. A runTask takes a slot
 * before it is sent, waiting in arrival order (no thread held) while all are taken; the slot is given back when its run
 * is terminal, or at once when the run could not be started. A run counted twice (an idempotent replay) holds one slot.
 */
public final class RunSlots {

    private final int max;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final Set<String> running = new HashSet<>();
    private int taken;

    public RunSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("The maxConcurrentRuns option must be 1 or more (0 turns it off), was "
                    + max);
        }
        this.max = max;
    }

    public int max() {
        return max;
    }

    /** A slot: at once when one is free and nobody waits, else on {@code executor} when one frees. */
    public CompletableFuture<Void> take(Executor executor) {
        synchronized (this) {
            if (taken < max && waiting.isEmpty()) {
                taken++;
                return CompletableFuture.completedFuture(null);
            }
            Waiting next = new Waiting(executor);
            waiting.add(next);
            return next.slot;
        }
    }

    /**
     * The slot's run started.
     *
     * @return false when the run already held a slot (the slot just taken is given back)
     */
    public boolean started(String runId) {
        boolean added;
        synchronized (this) {
            added = running.add(runId);
        }
        if (!added) {
            giveBack();
        }
        return added;
    }

    /** The run is terminal: its slot goes to the next waiting runTask. */
    public void finished(String runId) {
        boolean held;
        synchronized (this) {
            held = running.remove(runId);
        }
        if (held) {
            giveBack();
        }
    }

    /** A slot whose run could not be started. */
    public void giveBack() {
        Waiting next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                taken = Math.max(0, taken - 1);
                return;
            }
        }
        try {
            next.executor.execute(() -> {
                // a runTask that stopped waiting (sessionLimitTimeout) passes the slot on
                if (!next.slot.complete(null)) {
                    giveBack();
                }
            });
        } catch (RejectedExecutionException stopping) {
            next.slot.completeExceptionally(stopping);
            giveBack();
        }
    }

    /** Slots taken (runs started and unfinished, or being started). */
    public synchronized int inUse() {
        return taken;
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    /** The application stops: runTasks still waiting for a slot fail. */
    public void close() {
        Deque<Waiting> left;
        synchronized (this) {
            left = new ArrayDeque<>(waiting);
            waiting.clear();
        }
        left.forEach(w -> w.slot.completeExceptionally(new IllegalStateException(
                "Stopped while waiting for one of the " + max + " runs of maxConcurrentRuns to finish")));
    }

    private record Waiting(Executor executor, CompletableFuture<Void> slot) {
        Waiting(Executor executor) {
            this(executor, new CompletableFuture<>());
        }
    }
}
