package io.github.cameldeck.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request and webhook counters. Route keys are the method plus the route template, e.g. {@code "GET /v2/task-runs"},
 * {@code "POST /v2/tasks/{id}/run"}; requests matching no route count under the method plus the raw path.
 */
public final class SimulatorStats {

    private final LongAdder total = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final LongAdder replays = new LongAdder();
    private final LongAdder webhookAttempts = new LongAdder();
    private final LongAdder webhookSuccesses = new LongAdder();
    private final LongAdder webhookFailures = new LongAdder();
    private final LongAdder webhookFaults = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byRoute = new ConcurrentHashMap<>();

    public long totalRequests() {
        return total.sum();
    }

    public long requests(String routeKey) {
        LongAdder adder = byRoute.get(routeKey);
        return adder == null ? 0 : adder.sum();
    }

    /** Requests answered with 429 {@code rate_limit_exceeded}. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /** Requests that got an injected fault (server error, dropped connection or delay). */
    public long faultsInjected() {
        return faults.sum();
    }

    /** Requests answered from the idempotency cache. */
    public long idempotentReplays() {
        return replays.sum();
    }

    /** Webhook POSTs made (retries and duplicate copies included). */
    public long webhookAttempts() {
        return webhookAttempts.sum();
    }

    /** Webhook attempts answered 2xx within the delivery timeout. */
    public long webhookSuccesses() {
        return webhookSuccesses.sum();
    }

    /** Webhook attempts that failed: non-2xx, timeout or connection error. */
    public long webhookFailures() {
        return webhookFailures.sum();
    }

    /** Injected webhook faults: drops, duplicates, delays and corrupted signatures. */
    public long webhookFaultsInjected() {
        return webhookFaults.sum();
    }

    /** All route counters, sorted by route key. */
    public Map<String, Long> routes() {
        Map<String, Long> map = new TreeMap<>();
        byRoute.forEach((k, v) -> map.put(k, v.sum()));
        return map;
    }

    public void reset() {
        total.reset();
        rateLimited.reset();
        faults.reset();
        replays.reset();
        webhookAttempts.reset();
        webhookSuccesses.reset();
        webhookFailures.reset();
        webhookFaults.reset();
        byRoute.clear();
    }

    public void recordRequest(String routeKey) {
        total.increment();
        byRoute.computeIfAbsent(routeKey, k -> new LongAdder()).increment();
    }

    public void recordRateLimited() {
        rateLimited.increment();
    }

    public void recordFault() {
        faults.increment();
    }

    public void recordReplay() {
        replays.increment();
    }

    public void recordWebhookAttempt(boolean success) {
        webhookAttempts.increment();
        (success ? webhookSuccesses : webhookFailures).increment();
    }

    public void recordWebhookFault() {
        webhookFaults.increment();
    }

    @Override
    public String toString() {
        return "SimulatorStats[total=" + totalRequests() + ", rateLimited=" + rateLimited() + ", faults="
                + faultsInjected() + ", replays=" + idempotentReplays() + ", webhookAttempts=" + webhookAttempts()
                + ", webhookSuccesses=" + webhookSuccesses() + ", webhookFailures=" + webhookFailures() + ", routes="
                + routes() + "]";
    }
}
