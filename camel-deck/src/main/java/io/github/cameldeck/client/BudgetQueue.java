package io.github.cameldeck.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The requests waiting for a permit of a {@link RequestBudget}: one queue per priority. Not thread-safe. */
final class BudgetQueue {

    /** One request waiting for its permit. */
    static final class Waiter {
        final RequestBudget.Priority priority;
        final long since;
        final Executor executor;
        final CompletableFuture<Void> permit = new CompletableFuture<>();
        volatile Runnable cancelTimeout;

        Waiter(RequestBudget.Priority priority, long since, Executor executor) {
            this.priority = priority;
            this.since = since;
            this.executor = executor;
        }
    }

    private final List<Deque<Waiter>> queues = List.of(new ArrayDeque<>(), new ArrayDeque<>());

    boolean isEmpty() {
        return queues.get(0).isEmpty() && queues.get(1).isEmpty();
    }

    int size() {
        return queues.get(0).size() + queues.get(1).size();
    }

    void add(Waiter waiter) {
        queues.get(waiter.priority.ordinal()).add(waiter);
    }

    /** The next to serve: the oldest of the first priority that has one. */
    Waiter peek() {
        Waiter first = queues.get(0).peek();
        return first != null ? first : queues.get(1).peek();
    }

    Waiter poll() {
        Waiter first = queues.get(0).poll();
        return first != null ? first : queues.get(1).poll();
    }

    boolean remove(Waiter waiter) {
        return queues.get(waiter.priority.ordinal()).remove(waiter);
    }

    List<Waiter> drain() {
        List<Waiter> all = new ArrayList<>();
        queues.forEach(all::addAll);
        queues.forEach(Deque::clear);
        return all;
    }

    /** How long the request that has waited longest has waited, at {@code now}; 0 when none waits. */
    long longestWaitNow(long now) {
        long longest = 0;
        for (Deque<Waiter> queue : queues) {
            Waiter first = queue.peek();
            if (first != null) {
                longest = Math.max(longest, now - first.since);
            }
        }
        return longest;
    }
}
