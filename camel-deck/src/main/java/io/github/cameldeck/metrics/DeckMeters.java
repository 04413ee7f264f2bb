package io.github.cameldeck.metrics;

import java.time.Instant;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.client.DeckClientObserver;
import io.github.cameldeck.client.DeckRequest;
import io.github.cameldeck.model.TaskRun;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * camel-deck's Micrometer meters, as an observer of every organization's clients and consumers: the requests'
 * meters ({@link RequestMeters}) and the runs' ({@link RunMeters}). The only class that is given a registry from
 * outside this package; it is loaded only when Micrometer is on the classpath and a MeterRegistry is bound.
 */
public final class DeckMeters implements DeckClientObserver {

    private final RequestMeters requests;
    private final RunMeters runs;

    private DeckMeters(MeterRegistry registry) {
        this.requests = new RequestMeters(registry);
        this.runs = new RunMeters(registry);
    }

    /**
     * The meters in {@code registry}.
     *
     * @param registry a {@code io.micrometer.core.instrument.MeterRegistry}, typed Object so that the caller needs no
     *                 Micrometer class
     */
    public static DeckClientObserver in(Object registry) {
        return new DeckMeters((MeterRegistry) registry);
    }

    @Override
    public void answered(DeckRequest request, int status, String errorCode, long elapsedNanos) {
        requests.answered(request, status, errorCode, elapsedNanos);
    }

    @Override
    public void waitedForBudget(long nanos) {
        requests.waitedForBudget(nanos);
    }

    @Override
    public void failed(DeckRequest request, DeckApiException error) {
        requests.failed(request, error);
    }

    @Override
    public void runStarted(TaskRun run) {
        runs.started(run);
    }

    @Override
    public void runSeen(TaskRun run) {
        runs.seen(run);
    }

    @Override
    public void downloaded(long bytes) {
        requests.downloaded(bytes);
    }

    @Override
    public void delivered(String consumer, TaskRun run, Instant exchangeCreated) {
        runs.delivered(consumer, run, exchangeCreated);
    }

    @Override
    public void webhookRefused(String reason) {
        requests.webhookRefused(reason);
    }

    @Override
    public String toString() {
        return "DeckMeters";
    }
}
