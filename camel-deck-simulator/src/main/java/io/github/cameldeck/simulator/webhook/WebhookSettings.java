package io.github.cameldeck.simulator.webhook;

import java.time.Duration;

/**
 * How webhooks are delivered.
 *
 * @param timeout how long a receiver has to answer 2xx (Deck: 5 s)
 * @param backoff delay before the first retry; each further retry waits twice as long
 * @param threads delivery threads
 */
public record WebhookSettings(Duration timeout, Duration backoff, int threads) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(5);
    public static final int DEFAULT_THREADS = 4;

    /** Delay before retry number {@code retry} (1-based): backoff, 2 × backoff, 4 × backoff. */
    long retryDelayMillis(int retry) {
        return backoff.toMillis() << (retry - 1);
    }
}
