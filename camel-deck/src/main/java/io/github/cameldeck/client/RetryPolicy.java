package io.github.cameldeck.client;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before a call to Deck is tried again: 5xx answers and network errors are retried
 * {@code maxRetries} times with exponential backoff and full jitter; every other answer is final, but for Deck's two
 * limits, which are waited out rather than counted: a 429 {@code rate_limit_exceeded} waits for the organization's
 * request budget for up to {@code rateLimitTimeout}, a 429 {@code session_limit_exceeded} is tried again with backoff
 * for up to {@code sessionLimitTimeout}. A Retry-After header, when Deck sends one, replaces the computed delay (still
 * capped).
 */
public final class RetryPolicy {

    static final long DEFAULT_RATE_LIMIT_TIMEOUT_MS = 5 * 60_000L;
    static final long DEFAULT_SESSION_LIMIT_TIMEOUT_MS = 30 * 60_000L;

    private final int maxRetries;
    private final long initialDelayMs;
    private final long maxDelayMs;
    private final long rateLimitTimeoutMs;
    private final long sessionLimitTimeoutMs;

    public RetryPolicy(int maxRetries, long initialDelayMs, long maxDelayMs) {
        this(maxRetries, initialDelayMs, maxDelayMs, DEFAULT_RATE_LIMIT_TIMEOUT_MS, DEFAULT_SESSION_LIMIT_TIMEOUT_MS);
    }

    public RetryPolicy(int maxRetries, long initialDelayMs, long maxDelayMs, long rateLimitTimeoutMs,
            long sessionLimitTimeoutMs) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        if (initialDelayMs < 0 || maxDelayMs < initialDelayMs) {
            throw new IllegalArgumentException(
                    "retryInitialDelay must be 0 or more and not above retryMaxDelay, was " + initialDelayMs + "ms and "
                            + maxDelayMs + "ms");
        }
        if (rateLimitTimeoutMs < 0) {
            throw new IllegalArgumentException("The rateLimitTimeout option must not be negative");
        }
        if (sessionLimitTimeoutMs < 0) {
            throw new IllegalArgumentException("The sessionLimitTimeout option must not be negative");
        }
        this.maxRetries = maxRetries;
        this.initialDelayMs = initialDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.rateLimitTimeoutMs = rateLimitTimeoutMs;
        this.sessionLimitTimeoutMs = sessionLimitTimeoutMs;
    }

    /** How long one call may wait for the organization's request budget, 429s included. */
    public long rateLimitTimeoutMs() {
        return rateLimitTimeoutMs;
    }

    /** How long a call keeps trying while Deck answers session_limit_exceeded. */
    public long sessionLimitTimeoutMs() {
        return sessionLimitTimeoutMs;
    }

    /**
     * The delay before try number {@code triesSoFar + 1} after session_limit_exceeded: half the backoff ceiling plus a
     * random half, so waiting runs neither hammer Deck nor all come back at once.
     */
    public long sessionDelayMs(int triesSoFar) {
        long ceiling = ceiling(triesSoFar);
        return ceiling / 2 + (ceiling < 2 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Whether an answer with this status may succeed when tried again (429 is handled as a limit, not here). */
    public static boolean isRetryableStatus(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
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
        long ceiling = ceiling(retriesSoFar);
        return ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    private long ceiling(int retriesSoFar) {
        long ceiling = initialDelayMs << Math.min(retriesSoFar, 30);
        return ceiling <= 0 || ceiling > maxDelayMs ? maxDelayMs : ceiling;
    }
}
