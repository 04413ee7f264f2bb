package io.github.cameldeck.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * A {@link ClusterBudget} in a Bucket4j store, e.g. a Hazelcast map:
 * {@code new Bucket4jClusterBudget(Bucket4jHazelcast.entryProcessorBasedBuilder(hazelcast.getMap("deck-budget")).build())}.
 * Bucket4j is an optional dependency of camel-deck: add {@code com.bucket4j:bucket4j_jdk17-core} and the module of the
 * store.
 * <p>
 * A token bucket lets its capacity through at once and then refills at its rate, so in any window it lets through at
 * most capacity + refill per window. Deck counts on a sliding window, so the bucket is built to stay under the limit
 * in every window, with a tenth of it left for the time requests take to reach Deck (a request granted late in one
 * window may arrive with the next one's): a capacity of a twentieth of the limit and a refill of the rest less a tenth
 * (10 at once and 170 per 10 s for Deck's 200 per 10 s: at most 180 in any 10 s, summed over every instance).
 * <p>
 * A store with Bucket4j's asynchronous support (Hazelcast and the Redis clients among others) is called without
 * holding a thread; one without it (the JDBC stores) is called on the thread of the budget's timer.
 */
public final class Bucket4jClusterBudget implements ClusterBudget {

    private final ProxyManager<String> buckets;

    public Bucket4jClusterBudget(ProxyManager<String> buckets) {
        if (buckets == null) {
            throw new IllegalArgumentException("Bucket4jClusterBudget needs a Bucket4j ProxyManager");
        }
        this.buckets = buckets;
    }

    /** The bucket Deck's limit allows: see the class comment. */
    public static BucketConfiguration configuration(int limit, Duration window) {
        if (limit < 2 || window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("A cluster budget needs a rateLimit of 2 or more and a positive "
                    + "rateLimitWindow, was " + limit + " per " + window);
        }
        long capacity = Math.max(1, limit / 20);
        long refill = Math.max(1, limit - capacity - limit / 10);
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, window).build())
                .build();
    }

    @Override
    public Bucket bucket(String organization, int limit, Duration window) {
        BucketConfiguration configuration = configuration(limit, window);
        String key = "deck-budget-" + organization;
        if (buckets.isAsyncModeSupported()) {
            AsyncBucketProxy bucket = buckets.asAsync().builder().build(key,
                    () -> CompletableFuture.completedFuture(configuration));
            return () -> bucket.tryConsumeAndReturnRemaining(1).thenApply(Bucket4jClusterBudget::waitNanos);
        }
        BucketProxy bucket = buckets.builder().build(key, () -> configuration);
        return () -> {
            try {
                return CompletableFuture.completedFuture(waitNanos(bucket.tryConsumeAndReturnRemaining(1)));
            } catch (RuntimeException storeFailed) {
                return CompletableFuture.failedFuture(storeFailed);
            }
        };
    }

    private static long waitNanos(ConsumptionProbe probe) {
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    @Override
    public String toString() {
        return "Bucket4jClusterBudget[" + buckets.getClass().getSimpleName() + "]";
    }
}
