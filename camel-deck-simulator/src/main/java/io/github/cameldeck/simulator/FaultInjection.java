package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * Faults the simulator injects into its HTTP responses and webhook deliveries, all off by default and changeable at
 * any time (thread-safe). Random decisions use one generator, seedable with {@link #seed(long)} for reproducible
 * tests. The file host's faults are apart, under {@link #downloads()}: API faults never hit downloads and download
 * faults never hit the API.
 */
public final class FaultInjection {

    private volatile double serverErrors;
    private volatile double dropBefore;
    private volatile double dropAfter;
    private volatile double slowFraction;
    private volatile Duration slowDelay = Duration.ZERO;
    private volatile int pageShift;
    private volatile boolean offsetCursors;
    private volatile String onlyFor;
    private volatile Integer retryAfterSeconds;
    private volatile double malformed;
    private volatile double duplicateWebhooks;
    private volatile double delayWebhooks;
    private volatile Duration webhookMaxDelay = Duration.ZERO;
    private volatile double dropWebhooks;
    private volatile double corruptWebhookSignatures;
    private final DownloadFaults downloads = new DownloadFaults();
    private Random random = new Random();
    private long serverErrorCounter;
    private long malformedCounter;

    /** The ways a malformed answer is malformed, used in turn. */
    public enum Malformation {
        /** the answer's JSON cut in half (the request was executed) */
        TRUNCATED_JSON,
        /** a proxy's HTML error page with status 502 instead of the answer (the request was executed) */
        HTML_PROXY_PAGE,
        /** the right JSON declared as text/plain */
        WRONG_CONTENT_TYPE,
        /** the answer's status with an empty body (the request was executed) */
        EMPTY_BODY,
        /** the right JSON with fields and enum values a client does not know yet, as Deck adds them */
        UNKNOWN_FIELDS
    }

    /** Fraction (0–1) of requests answered with 500, 502 or 503 (in turn), without executing them. */
    public FaultInjection serverErrors(double fraction) {
        this.serverErrors = fraction(fraction);
        return this;
    }

    /** Fraction of requests whose connection is closed without a response, before they execute. */
    public FaultInjection dropBeforeProcessing(double fraction) {
        this.dropBefore = fraction(fraction);
        return this;
    }

    /** Fraction of requests that execute but whose connection is then closed without a response. */
    public FaultInjection dropAfterProcessing(double fraction) {
        this.dropAfter = fraction(fraction);
        return this;
    }

    /** Fraction of answers replaced by a malformed one, each {@link Malformation} in turn. */
    public FaultInjection malformedResponses(double fraction) {
        this.malformed = fraction(fraction);
        return this;
    }

    /** Fraction of requests delayed by {@code delay} before they execute. */
    public FaultInjection slowResponses(double fraction, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.slowDelay = delay;
        this.slowFraction = fraction(fraction);
        return this;
    }

    /**
     * Before serving a {@code GET /task-runs} or {@code GET /events} page requested with a cursor, create this many
     * new runs of the most recently created task (runs arriving while a client pages).
     */
    public FaultInjection pageShift(int newRunsPerContinuationPage) {
        if (newRunsPerContinuationPage < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        this.pageShift = newRunsPerContinuationPage;
        return this;
    }

    /** Issue offset-based cursors: new arrivals shift pages so items repeat across pages. */
    public FaultInjection offsetCursors(boolean enabled) {
        this.offsetCursors = enabled;
        return this;
    }

    /**
     * Only requests whose route key starts with this prefix get faults (e.g. {@code "POST /v2/tasks"}); null for all.
     */
    public FaultInjection onlyFor(String routeKeyPrefix) {
        this.onlyFor = routeKeyPrefix;
        return this;
    }

    /** Adds {@code Retry-After: <seconds>} to rate-limit 429 responses (Deck documents no such header); null = off. */
    public FaultInjection retryAfterSeconds(Integer seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /**
     * Fraction of webhook deliveries followed by an identical extra copy (same {@code webhook-id} and body, fresh
     * timestamp and signature), as a receiver sees when Deck retries after a slow answer.
     */
    public FaultInjection duplicateWebhooks(double fraction) {
        this.duplicateWebhooks = fraction(fraction);
        return this;
    }

    /** Fraction of webhook deliveries held back by a random delay up to {@code maxDelay}: they arrive out of order. */
    public FaultInjection delayWebhooks(double fraction, Duration maxDelay) {
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must not be negative");
        }
        this.webhookMaxDelay = maxDelay;
        this.delayWebhooks = fraction(fraction);
        return this;
    }

    /** Fraction of webhook deliveries never made nor recorded, as if Deck lost them (the events stay in the log). */
    public FaultInjection dropWebhooks(double fraction) {
        this.dropWebhooks = fraction(fraction);
        return this;
    }

    /** Fraction of webhook attempts sent with a signature that does not verify. */
    public FaultInjection corruptWebhookSignatures(double fraction) {
        this.corruptWebhookSignatures = fraction(fraction);
        return this;
    }

    /** Faults of storage and screenshot downloads from the file host. */
    public DownloadFaults downloads() {
        return downloads;
    }

    /** Makes the random decisions reproducible, those of {@link #downloads()} included. */
    public synchronized FaultInjection seed(long seed) {
        this.random = new Random(seed);
        downloads.seed(seed);
        return this;
    }

    /** Everything off again, download faults included (the seed is kept). */
    public synchronized FaultInjection reset() {
        downloads.reset();
        serverErrors = 0;
        dropBefore = 0;
        dropAfter = 0;
        slowFraction = 0;
        slowDelay = Duration.ZERO;
        pageShift = 0;
        offsetCursors = false;
        onlyFor = null;
        retryAfterSeconds = null;
        malformed = 0;
        duplicateWebhooks = 0;
        delayWebhooks = 0;
        webhookMaxDelay = Duration.ZERO;
        dropWebhooks = 0;
        corruptWebhookSignatures = 0;
        serverErrorCounter = 0;
        malformedCounter = 0;
        return this;
    }

    public double serverErrorFraction() {
        return serverErrors;
    }

    public double dropBeforeFraction() {
        return dropBefore;
    }

    public double dropAfterFraction() {
        return dropAfter;
    }

    public double malformedFraction() {
        return malformed;
    }

    /** The next malformation, each kind in turn. */
    public synchronized Malformation nextMalformation() {
        Malformation[] kinds = Malformation.values();
        return kinds[(int) (malformedCounter++ % kinds.length)];
    }

    public double slowFraction() {
        return slowFraction;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    public int pageShift() {
        return pageShift;
    }

    public boolean offsetCursors() {
        return offsetCursors;
    }

    public String onlyFor() {
        return onlyFor;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public double duplicateWebhookRate() {
        return duplicateWebhooks;
    }

    public double delayWebhookRate() {
        return delayWebhooks;
    }

    public Duration webhookMaxDelay() {
        return webhookMaxDelay;
    }

    public double dropWebhookRate() {
        return dropWebhooks;
    }

    public double corruptWebhookSignatureRate() {
        return corruptWebhookSignatures;
    }

    /** A random delay between 0 and {@link #webhookMaxDelay()}, at millisecond precision. */
    public synchronized Duration randomWebhookDelay() {
        long max = webhookMaxDelay.toMillis();
        return max <= 0 ? Duration.ZERO : Duration.ofMillis((long) (random.nextDouble() * (max + 1)));
    }

    /** True if faults may hit a request with this route key (webhook faults ignore this). */
    public boolean appliesTo(String routeKey) {
        String prefix = onlyFor;
        return prefix == null || routeKey.startsWith(prefix);
    }

    /** One random decision with the given probability (never true for 0, always for 1). */
    public boolean roll(double probability) {
        if (probability <= 0) {
            return false;
        }
        if (probability >= 1) {
            return true;
        }
        synchronized (this) {
            return random.nextDouble() < probability;
        }
    }

    /** The next injected server error status: 500, 502, 503 in turn. */
    public synchronized int nextServerErrorStatus() {
        int[] statuses = {500, 502, 503};
        return statuses[(int) (serverErrorCounter++ % 3)];
    }

    static double fraction(double f) {
        if (Double.isNaN(f) || f < 0 || f > 1) {
            throw new IllegalArgumentException("fraction must be between 0 and 1: " + f);
        }
        return f;
    }
}
