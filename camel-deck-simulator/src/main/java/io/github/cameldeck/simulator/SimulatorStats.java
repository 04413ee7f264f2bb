package io.github.cameldeck.simulator;

import java.time.Duration;
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
    private final DownloadStats downloads = new DownloadStats();
    private final BusiestWindow busiestWindow;

    /** @param window the window of the rate limit, in which {@link #busiestWindow()} counts */
    public SimulatorStats(Duration window) {
        this.busiestWindow = new BusiestWindow(window);
    }

    public long totalRequests() {
        return total.sum();
    }

    public long requests(String routeKey) {
        LongAdder adder = byRoute.get(routeKey);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * The most requests that arrived in one window of the rate limit (10 s when the limit is off), the ones answered
     * 429 included: how close the clients came to the limit, or how far past it they went.
     */
    public long busiestWindow() {
        return busiestWindow.busiest();
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

    /** Counters of the file host (storage and screenshot downloads), which are not API requests. */
    public DownloadStats downloads() {
        return downloads;
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
        busiestWindow.reset();
        downloads.reset();
    }

    public void recordRequest(String routeKey) {
        total.increment();
        busiestWindow.record(System.nanoTime());
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
        return "SimulatorStats[total=" + totalRequests() + ", busiestWindow=" + busiestWindow() + ", rateLimited="
                + rateLimited() + ", faults="
                + faultsInjected() + ", replays=" + idempotentReplays() + ", webhookAttempts=" + webhookAttempts()
                + ", webhookSuccesses=" + webhookSuccesses() + ", webhookFailures=" + webhookFailures() + ", routes="
                + routes() + ", downloads=" + downloads + "]";
    }
}
