package io.github.cameldeck.client;

import java.time.Instant;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.model.TaskRun;

/**
 * What a {@link DeckClient} reports of its work, for the dev console, the metrics and the health checks. Called on the
 * threads doing the work, so an observer must be quick and must not throw or block. Every method does nothing by
 * default.
 */
public interface DeckClientObserver {

    /** Observes nothing. */
    DeckClientObserver NONE = new DeckClientObserver() {
    };

    /**
     * One attempt of a request got an answer, or none.
     *
     * @param status       the HTTP status; -1 when the attempt got no answer (a network error)
     * @param errorCode    Deck's error code of an answer that is not a success; null otherwise
     * @param elapsedNanos the attempt's round trip, the wait for the budget not included
     */
    default void answered(DeckRequest request, int status, String errorCode, long elapsedNanos) {
    }

    /** A request waited this long for a permit of the request budget (0 when it got one at once). */
    default void waitedForBudget(long nanos) {
    }

    /** A call failed for good, after its retries: the error the caller gets. */
    default void failed(DeckRequest request, DeckApiException error) {
    }

    /** runTask started this run (Deck answered the POST; a replayed Idempotency-Key answers a run started before). */
    default void runStarted(TaskRun run) {
    }

    /** A run as Deck described it in an answer: read, listed, or returned by a write. */
    default void runSeen(TaskRun run) {
    }

    /** A download from a signed URL ended (its body read to its end, or closed) after this many bytes. */
    default void downloaded(long bytes) {
    }

    /**
     * A consumer created an exchange for this run.
     *
     * @param consumer        the consuming operation: {@code taskRuns}, {@code storageItems} or {@code events}
     * @param exchangeCreated when the exchange was created, on this host's clock
     */
    default void delivered(String consumer, TaskRun run, Instant exchangeCreated) {
    }

    /**
     * The events consumer refused a webhook delivery whose signature or timestamp did not hold.
     *
     * @param reason why, as {@link io.github.cameldeck.webhook.WebhookVerificationException.Reason#tag()} names it
     */
    default void webhookRefused(String reason) {
    }
}
