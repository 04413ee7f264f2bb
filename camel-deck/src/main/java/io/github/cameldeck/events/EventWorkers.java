package io.github.cameldeck.events;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The threads that route the events received by webhook: concurrentConsumers threads and a queue of at most
 * maxPendingEvents; a full queue refuses the event instead of blocking the HTTP thread.
 */
final class EventWorkers {

    /** How long stopping lets queued events be routed. */
    static final long DRAIN_TIMEOUT_MS = 10_000;

    private final ExecutorServiceManager executors;
    private final ExecutorService pool;

    EventWorkers(CamelContext context, Object owner, int threads, int maxPending) {
        this.executors = context.getExecutorServiceManager();
        ThreadPoolProfile profile = new ThreadPoolProfile("DeckEvents");
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(maxPending);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        this.pool = executors.newThreadPool(owner, "DeckEvents", profile);
    }

    /** Queues the task; false when maxPendingEvents tasks already wait or the workers are stopping. */
    boolean offer(Runnable task) {
        try {
            pool.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** How many events wait for a routing thread. */
    int queued() {
        return pool instanceof ThreadPoolExecutor executor ? executor.getQueue().size() : 0;
    }

    /** Routes what is queued (for at most {@link #DRAIN_TIMEOUT_MS}), then stops. */
    void drainAndStop() {
        executors.shutdownGraceful(pool, DRAIN_TIMEOUT_MS);
    }
}
