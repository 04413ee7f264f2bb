package io.github.cameldeck.metrics;

import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.client.DeckRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;

/**
 * The meters of the client's requests: each attempt by method, path template, status and outcome; 429 answers; the
 * wait for the request budget; calls that failed for good; bytes downloaded; webhooks refused.
 */
final class RequestMeters {

    static final String REQUESTS = "deck.client.requests";
    static final String RATE_LIMITED = "deck.client.rate.limited";
    static final String BUDGET_WAIT = "deck.client.budget.wait";
    static final String FAILED_CALLS = "deck.client.calls.failed";
    static final String DOWNLOADS = "deck.client.downloads";
    static final String WEBHOOKS_REFUSED = "deck.webhooks.refused";

    /** The status tag of an attempt that got no answer. */
    static final String NO_ANSWER = "IO_ERROR";

    private final MeterRegistry registry;
    private final Timer budgetWait;
    private final DistributionSummary downloads;

    RequestMeters(MeterRegistry registry) {
        this.registry = registry;
        this.budgetWait = Timer.builder(BUDGET_WAIT)
                .description("The time requests waited for a permit of Deck's request budget")
                .register(registry);
        this.downloads = DistributionSummary.builder(DOWNLOADS)
                .description("Downloads from Deck's signed URLs, by size")
                .baseUnit("bytes")
                .register(registry);
    }

    void answered(DeckRequest request, int status, String errorCode, long elapsedNanos) {
        Timer.builder(REQUESTS)
                .description("Attempts of requests to Deck (retries included), by their answer")
                .tag("method", request.method())
                .tag("uri", PathTemplate.of(request.path()))
                .tag("status", status < 0 ? NO_ANSWER : Integer.toString(status))
                .tag("outcome", status < 0 ? Outcome.UNKNOWN.name() : Outcome.forStatus(status).name())
                .register(registry)
                .record(elapsedNanos, TimeUnit.NANOSECONDS);
        if (status == 429) {
            Counter.builder(RATE_LIMITED)
                    .description("429 answers from Deck, by Deck's error code")
                    .tag("error", errorCode != null ? errorCode : "none")
                    .register(registry)
                    .increment();
        }
    }

    void waitedForBudget(long nanos) {
        budgetWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(DeckRequest request, DeckApiException error) {
        Counter.builder(FAILED_CALLS)
                .description("Calls to Deck that failed for good, after their retries")
                .tag("method", request.method())
                .tag("uri", PathTemplate.of(request.path()))
                .tag("error", error.getErrorCode() != null ? error.getErrorCode() : "none")
                .register(registry)
                .increment();
    }

    void downloaded(long bytes) {
        downloads.record(bytes);
    }

    void webhookRefused(String reason) {
        Counter.builder(WEBHOOKS_REFUSED)
                .description("Webhook deliveries the events consumer refused, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
