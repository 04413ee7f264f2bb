package io.github.cameldeck.client;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before a call to Deck is tried again: 429 and 5xx answers and network errors are retried
 * with exponential backoff and full jitter; every other answer is final. A Retry-After header, when Deck sends one,
 * replaces the computed delay (still capped).
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final long initialDelayMs;
    private final long maxDelayMs;

    public RetryPolicy(int maxRetries, long initialDelayMs, long maxDelayMs) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        if (initialDelayMs < 0 || maxDelayMs < initialDelayMs) {
            throw new IllegalArgumentException(
                    "retryInitialDelay must be 0 or more and not above retryMaxDelay, was " + initialDelayMs + "ms and "
                            + maxDelayMs + "ms");
        }
        this.maxRetries = maxRetries;
        this.initialDelayMs = initialDelayMs;
        this.maxDelayMs = maxDelayMs;
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Whether an answer with this status may succeed when tried again. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** Whether another attempt is allowed after {@code retriesSoFar} retries. */
    public boolean canRetry(int retriesSoFar) {
        return retriesSoFar < maxRetries;
    }

    /**
     * The delay before retry number {@code retriesSoFar + 1}: a random value up to {@code initialDelay * 2^retriesSoFar}
     * (capped at maxDelay), or the server's Retry-After (capped) when it sent one.
     */
    public long delayMs(int retriesSoFar, long retryAfterMs) {
        if (retryAfterMs >= 0) {
            return Math.min(retryAfterMs, maxDelayMs);
        }
        long ceiling = initialDelayMs << Math.min(retriesSoFar, 30);
        if (ceiling <= 0 || ceiling > maxDelayMs) {
            ceiling = maxDelayMs;
        }
        return ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    }
}
