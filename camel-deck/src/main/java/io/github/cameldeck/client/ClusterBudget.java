package io.github.cameldeck.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Deck's budget of one organization kept where every instance of the application sees it (a data grid such as
 * Hazelcast), so that several JVMs together stay within the organization's limit instead of taking it each.
 * {@link RequestBudget} still queues and orders its own instance's requests; before it grants one, it takes it from
 * the cluster budget too. {@link Bucket4jClusterBudget} keeps it in any store Bucket4j supports.
 */
public interface ClusterBudget {

    /**
     * The bucket of one organization, created on first use with this limit per window.
     *
     * @param organization a stable name of the organization that is the same on every instance (camel-deck passes a
     *                     digest of base URL and API key, never the key)
     */
    Bucket bucket(String organization, int limit, Duration window);

    /** One organization's budget. */
    @FunctionalInterface
    interface Bucket {
        /**
         * Takes one request from the budget the instances share.
         *
         * @return completes with 0 when the request was taken, else with the nanoseconds after which one may be free
         *         (nothing was taken); completes exceptionally when the store cannot be reached
         */
        CompletableFuture<Long> tryTake();
    }
}
