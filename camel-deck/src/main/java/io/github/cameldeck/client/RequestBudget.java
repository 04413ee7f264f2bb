package io.github.cameldeck.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.cameldeck.client.BudgetQueue.Waiter;
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
 * With a {@link ClusterBudget.Bucket}, the organization's budget is shared with other instances too: the request at
 * the head of the queue is granted once the cluster budget gave it, one at a time. When the cluster budget cannot be
 * reached, requests wait and it is asked again a second later (never more than the limit, summed over the instances).
 * <p>
 * A 429 from Deck means someone else spends the organization's budget too (another application, another instance):
 * {@link #rateLimited()} pauses every grant for a tenth of the window.
 */
public final class RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBudget.class);
    private static final long SHARED_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SHARED_TIMEOUT_MILLIS = 2_000;

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
     * @param usedInWindow       this instance's requests in the window
     * @param longestWait        the longest any request has waited for a permit, the ones waiting now included
     * @param currentWait        how long the request that has waited longest among those waiting now has waited
     * @param clusterUnreachable the budget is shared with other instances and its store did not answer the last time
     */
    public record Snapshot(int limit, Duration window, int usedInWindow, int waiting, long rateLimitedAnswers,
            Duration longestWait, Duration currentWait, boolean clusterUnreachable) {
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
    private final Timer timer;
    private final LongSupplier nanoClock;
    private final ClusterBudget.Bucket cluster;
    private final SlidingWindow sent;
    private long pausedUntil;
    private final BudgetQueue queue = new BudgetQueue();
    private Runnable cancelWakeUp;
    private long wakeUpAt;
    private long rateLimitedAnswers;
    private long longestWaitNanos;
    /** A question to the cluster budget is on its way; its answer continues the grants. */
    private boolean asking;
    private long clusterFreeAt;
    private String clusterFailure;

    /**
     * @param limit     requests per window; 0 grants every request at once (no pacing)
     * @param window    the window Deck counts in
     * @param timer     runs the grants of waiting calls and their timeouts
     * @param nanoClock a monotonic clock ({@code System::nanoTime}; tests pass their own)
     */
    public RequestBudget(int limit, Duration window, Timer timer, LongSupplier nanoClock) {
        this(limit, window, timer, nanoClock, null);
    }

    /** @param cluster the organization's budget shared with other instances; null when this instance has it alone */
    public RequestBudget(int limit, Duration window, Timer timer, LongSupplier nanoClock,
            ClusterBudget.Bucket cluster) {
        if (limit < 0) {
            throw new IllegalArgumentException("The rateLimit option must be 0 or more, was " + limit);
        }
        if (limit > 0 && (window == null || window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException("The rateLimitWindow option must be positive, was " + window);
        }
        this.limit = limit;
        this.windowNanos = window != null ? window.toNanos() : 0;
        this.timer = timer;
        this.nanoClock = nanoClock;
        this.cluster = limit > 0 ? cluster : null;
        this.sent = new SlidingWindow(limit, windowNanos);
    }

    public int limit() {
        return limit;
    }

    /** How long a 429 pauses the grants: a tenth of the window. */
    public long pauseMillis() {
        return TimeUnit.NANOSECONDS.toMillis(windowNanos / 10);
    }

    /**
     * A permit for one request. Completes at once (on the calling thread) when one is free, nobody waits and the
     * budget is not shared; else later, on {@code executor}; or exceptionally with {@link BudgetExhaustedException}
     * when {@code maxWaitNanos} passes.
     */
    public CompletableFuture<Void> acquire(Priority priority, long maxWaitNanos, Executor executor) {
        if (limit == 0) {
            return CompletableFuture.completedFuture(null);
        }
        Waiter waiter;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (cluster == null && queue.isEmpty() && hasRoom(now)) {
                sent.stamp(now);
                return CompletableFuture.completedFuture(null);
            }
            waiter = new Waiter(priority, now, executor);
            queue.add(waiter);
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
        List<Waiter> waiting;
        synchronized (this) {
            waiting = queue.drain();
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
        int used = sent.used(now);
        long current = queue.longestWaitNow(now);
        return new Snapshot(limit, Duration.ofNanos(windowNanos), used, queue.size(), rateLimitedAnswers,
                Duration.ofNanos(Math.max(longestWaitNanos, current)), Duration.ofNanos(current),
                clusterFailure != null);
    }

    /** The window has room and no pause holds; the caller holds the lock. */
    private boolean hasRoom(long now) {
        return now >= pausedUntil && sent.hasRoom(now);
    }

    /** When the next permit may be free: the oldest grant ages out, the pause ends, the cluster budget refills. */
    private long nextFreeAt(long now) {
        long at = Math.max(sent.freeAt(now), pausedUntil);
        return cluster != null ? Math.max(at, clusterFreeAt) : at;
    }

    private void scheduleWakeUp(long now) {
        if (queue.isEmpty() || asking) {
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
        boolean ask = false;
        synchronized (this) {
            cancelWakeUp = null;
            if (asking) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (cluster == null) {
                while (!queue.isEmpty() && hasRoom(now)) {
                    sent.stamp(now);
                    grants.add(granted(queue.poll(), now));
                }
            } else if (!queue.isEmpty() && hasRoom(now) && now >= clusterFreeAt) {
                asking = true;
                ask = true;
            }
            scheduleWakeUp(now);
        }
        grants.forEach(RequestBudget::complete);
        if (ask) {
            askCluster();
        }
    }

    private void askCluster() {
        CompletableFuture<Long> answer;
        try {
            answer = cluster.tryTake().orTimeout(SHARED_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException storeFailed) {
            answer = CompletableFuture.failedFuture(storeFailed);
        }
        answer.whenComplete(this::clusterAnswered);
    }

    /** The cluster budget gave the request at the head of the queue, said when to ask again, or failed. */
    private void clusterAnswered(Long waitNanos, Throwable failure) {
        Waiter grant = null;
        synchronized (this) {
            asking = false;
            long now = nanoClock.getAsLong();
            if (failure != null) {
                clusterFreeAt = now + SHARED_RETRY_NANOS;
                if (clusterFailure == null) {
                    clusterFailure = Futures.unwrap(failure).toString();
                    LOG.warn("The request budget shared with other instances could not be reached ({}); requests "
                            + "wait, and it is asked again every second", clusterFailure);
                }
            } else {
                if (clusterFailure != null) {
                    clusterFailure = null;
                    LOG.info("The request budget shared with other instances answers again");
                }
                if (waitNanos == 0) {
                    Waiter head = queue.poll();
                    if (head != null) {
                        sent.stamp(now);
                        grant = granted(head, now);
                    }
                } else {
                    clusterFreeAt = now + waitNanos;
                }
            }
            scheduleWakeUp(now);
        }
        if (grant != null) {
            complete(grant);
        }
    }

    /** Records how long {@code waiter} waited; the caller holds the lock. */
    private Waiter granted(Waiter waiter, long now) {
        long waited = now - waiter.since;
        longestWaitNanos = Math.max(longestWaitNanos, waited);
        if (waited > TimeUnit.SECONDS.toNanos(1) && LOG.isDebugEnabled()) {
            LOG.debug("A {} request waited {} ms for Deck's request budget ({} per {} ms)", waiter.priority,
                    TimeUnit.NANOSECONDS.toMillis(waited), limit, TimeUnit.NANOSECONDS.toMillis(windowNanos));
        }
        return waiter;
    }

    private static void complete(Waiter waiter) {
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

    private void expire(Waiter waiter) {
        long waited;
        String unreachable;
        synchronized (this) {
            if (!queue.remove(waiter)) {
                return;
            }
            waited = nanoClock.getAsLong() - waiter.since;
            longestWaitNanos = Math.max(longestWaitNanos, waited);
            unreachable = clusterFailure;
        }
        waiter.permit.completeExceptionally(new BudgetExhaustedException(
                "no request of Deck's budget (" + limit + " per " + TimeUnit.NANOSECONDS.toMillis(windowNanos)
                        + " ms for this organization) was free for " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms"
                        + (unreachable != null
                                ? "; the budget shared with other instances could not be reached: "
                                        + unreachable
                                : "")));
    }
}
