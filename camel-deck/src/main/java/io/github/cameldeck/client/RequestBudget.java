package io.github.cameldeck.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Deck organization's request budget, shared by every call the application sends with it: at most {@code limit}
 * requests in any {@code window} (Deck counts 200 per 10 s per organization, on a sliding window). A call takes a
 * permit before it is sent; when none is free it waits in a queue, without a thread: the permit is granted by a timer
 * when the oldest request of the window ages out, and the call then continues on the executor it named.
 * <p>
 * Fairness: calls that answer, read or watch ({@link Priority#FIRST}: interactions, cancels, consumers' polls, waits)
 * are granted before calls that start new runs ({@link Priority#LATER}), and each class in arrival order, so a burst of
 * thousands of runTask calls cannot delay a consumer's poll or an MFA answer by more than one permit.
 * <p>
 * A 429 from Deck means someone else spends the organization's budget too (another application, another instance):
 * {@link #rateLimited()} pauses every grant for a tenth of the window.
 */
public final class RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);

    /** Who is served first when both wait. */
    public enum Priority {
        /** Answers, cancels, reads, polls and waits. */
        FIRST,
        /** Starting new runs. */
        LATER
    }

    /**
     * What the budget looks like now.
     *
     * @param longestWait the longest any request has waited for a permit, the ones waiting now included
     * @param currentWait how long the request that has waited longest among those waiting now has waited
     */
    public record Snapshot(int limit, Duration window, int usedInWindow, int waiting, long rateLimitedAnswers,
            Duration longestWait, Duration currentWait) {
    }

    /** Runs a task after a delay; what the budget's grants and timeouts are scheduled on. */
    @FunctionalInterface
    public interface Timer {
        /** @return cancels the task if it has not run yet */
        Runnable schedule(Runnable task, long delayNanos);

        static Timer of(ScheduledExecutorService executor) {
            return (task, delayNanos) -> {
                ScheduledFuture<?> future = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            };
        }
    }

    private final int limit;
    private final long windowNanos;
    private final long marginNanos;
    private final Timer timer;
    private final LongSupplier nanoClock;
    private final long[] granted;
    private int next;
    private int count;
    private long pausedUntil;
    private final List<Deque<Waiter>> queues = List.of(new ArrayDeque<>(), new ArrayDeque<>());
    private Runnable cancelWakeUp;
    private long wakeUpAt;
    private long rateLimitedAnswers;
    private long longestWaitNanos;

    /**
     * @param limit     requests per window; 0 grants every request at once (no pacing)
     * @param window    the window Deck counts in
     * @param timer     runs the grants of waiting calls and their timeouts
     * @param nanoClock a monotonic clock ({@code System::nanoTime}; tests pass their own)
     */
    public RequestBudget(int limit, Duration window, Timer timer, LongSupplier nanoClock) {
        if (limit < 0) {
            throw new IllegalArgumentException("The rateLimit option must be 0 or more, was " + limit);
        }
        if (limit > 0 && (window == null || window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException("The rateLimitWindow option must be positive, was " + window);
        }
        this.limit = limit;
        this.windowNanos = window != null ? window.toNanos() : 0;
        // a request is stamped when granted but counted by Deck when it arrives: leave room for the difference
        this.marginNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50), windowNanos / 50);
        this.timer = timer;
        this.nanoClock = nanoClock;
        this.granted = new long[limit];
    }

    public int limit() {
        return limit;
    }

    /** How long a 429 pauses the grants: a tenth of the window. */
    public long pauseMillis() {
        return TimeUnit.NANOSECONDS.toMillis(windowNanos / 10);
    }

    /**
     * A permit for one request. Completes at once (on the calling thread) when one is free and nobody waits; else
     * later, on {@code executor}; or exceptionally with {@link BudgetExhaustedException} when {@code maxWaitNanos} passes.
     */
    public CompletableFuture<Void> acquire(Priority priority, long maxWaitNanos, Executor executor) {
        if (limit == 0) {
            return CompletableFuture.completedFuture(null);
        }
        Waiter waiter;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (nobodyWaits() && tryTake(now)) {
                return CompletableFuture.completedFuture(null);
            }
            waiter = new Waiter(priority, now, executor);
            queues.get(priority.ordinal()).add(waiter);
            scheduleWakeUp(now);
        }
        try {
            waiter.cancelTimeout = timer.schedule(() -> expire(waiter), Math.max(0, maxWaitNanos));
        } catch (RejectedExecutionException stopping) {
            expire(waiter);
        }
        return waiter.permit;
    }

    /** Deck answered 429 rate_limit_exceeded: no permit is granted for a tenth of the window. */
    public synchronized void rateLimited() {
        rateLimitedAnswers++;
        if (limit > 0) {
            long now = nanoClock.getAsLong();
            pausedUntil = Math.max(pausedUntil, now + windowNanos / 10);
            scheduleWakeUp(now);
        }
    }

    /** The application stops: every waiting request fails, and no more are granted. */
    public void close() {
        List<Waiter> waiting = new ArrayList<>();
        synchronized (this) {
            queues.forEach(waiting::addAll);
            queues.forEach(Deque::clear);
            if (cancelWakeUp != null) {
                cancelWakeUp.run();
                cancelWakeUp = null;
            }
        }
        for (Waiter waiter : waiting) {
            waiter.permit.completeExceptionally(new BudgetExhaustedException("the application is stopping"));
        }
    }

    public synchronized Snapshot snapshot() {
        long now = nanoClock.getAsLong();
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (now - granted[i] < windowNanos) {
                used++;
            }
        }
        int waiting = queues.get(0).size() + queues.get(1).size();
        long current = 0;
        for (Deque<Waiter> queue : queues) {
            Waiter first = queue.peek();
            if (first != null) {
                current = Math.max(current, now - first.since);
            }
        }
        return new Snapshot(limit, Duration.ofNanos(windowNanos), used, waiting, rateLimitedAnswers,
                Duration.ofNanos(Math.max(longestWaitNanos, current)), Duration.ofNanos(current));
    }

    private boolean nobodyWaits() {
        return queues.get(0).isEmpty() && queues.get(1).isEmpty();
    }

    /** Takes a permit if the window has room and no pause holds; the caller holds the lock. */
    private boolean tryTake(long now) {
        if (now < pausedUntil) {
            return false;
        }
        if (count == limit && now - granted[next] < windowNanos + marginNanos) {
            return false;
        }
        granted[next] = now;
        next = (next + 1) % limit;
        count = Math.min(count + 1, limit);
        return true;
    }

    /** When the next permit frees: the oldest grant ages out, or the pause ends. */
    private long nextFreeAt(long now) {
        long at = count == limit ? granted[next] + windowNanos + marginNanos : now;
        return Math.max(at, pausedUntil);
    }

    private void scheduleWakeUp(long now) {
        if (nobodyWaits()) {
            return;
        }
        long at = nextFreeAt(now);
        if (cancelWakeUp != null && wakeUpAt <= at) {
            return;
        }
        if (cancelWakeUp != null) {
            cancelWakeUp.run();
        }
        wakeUpAt = at;
        try {
            cancelWakeUp = timer.schedule(this::grantWaiting, Math.max(0, at - now));
        } catch (RejectedExecutionException stopping) {
            cancelWakeUp = null;
        }
    }

    private void grantWaiting() {
        List<Waiter> grants = new ArrayList<>();
        synchronized (this) {
            cancelWakeUp = null;
            long now = nanoClock.getAsLong();
            for (Waiter waiter = peekNext(); waiter != null && tryTake(now); waiter = peekNext()) {
                queues.get(waiter.priority.ordinal()).poll();
                long waited = now - waiter.since;
                longestWaitNanos = Math.max(longestWaitNanos, waited);
                if (waited > TimeUnit.SECONDS.toNanos(1) && LOG.isDebugEnabled()) {
                    LOG.debug("A {} request waited {} ms for Deck's request budget ({} per {} ms)", waiter.priority,
                            TimeUnit.NANOSECONDS.toMillis(waited), limit, TimeUnit.NANOSECONDS.toMillis(windowNanos));
                }
                grants.add(waiter);
            }
            scheduleWakeUp(now);
        }
        for (Waiter waiter : grants) {
            Runnable cancel = waiter.cancelTimeout;
            if (cancel != null) {
                cancel.run();
            }
            try {
                waiter.permit.completeAsync(() -> null, waiter.executor);
            } catch (RejectedExecutionException stopping) {
                waiter.permit.completeExceptionally(stopping);
            }
        }
    }

    private Waiter peekNext() {
        Waiter first = queues.get(0).peek();
        return first != null ? first : queues.get(1).peek();
    }

    private void expire(Waiter waiter) {
        long waited;
        synchronized (this) {
            if (!queues.get(waiter.priority.ordinal()).remove(waiter)) {
                return;
            }
            waited = nanoClock.getAsLong() - waiter.since;
            longestWaitNanos = Math.max(longestWaitNanos, waited);
        }
        waiter.permit.completeExceptionally(new BudgetExhaustedException(
                "no request of Deck's budget (" + limit + " per " + TimeUnit.NANOSECONDS.toMillis(windowNanos)
                        + " ms for this organization) was free for " + TimeUnit.NANOSECONDS.toMillis(waited)
                        + " ms"));
    }

    private static final class Waiter {
        final Priority priority;
        final long since;
        final Executor executor;
        final CompletableFuture<Void> permit = new CompletableFuture<>();
        volatile Runnable cancelTimeout;

        Waiter(Priority priority, long since, Executor executor) {
            this.priority = priority;
            this.since = since;
            this.executor = executor;
        }
    }
}
