package io.github.cameldeck.simulator;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the file host, reached through {@link SimulatorStats#downloads()} and reset with the other stats. The
 * file host's requests are not API requests: they count here only, not in {@link SimulatorStats#totalRequests()} nor
 * against the rate limit.
 */
public final class DownloadStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder authorizationRefused = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder badSignature = new LongAdder();
    private final LongAdder notFound = new LongAdder();
    private final LongAdder faults = new LongAdder();

    DownloadStats() {
    }

    /** Every request the file host received. */
    public long requests() {
        return requests.sum();
    }

    /** GET requests answered 200 (the body began). */
    public long started() {
        return started.sum();
    }

    /** Downloads whose every byte was written (counted as the last block is handed to the connection). */
    public long completed() {
        return completed.sum();
    }

    /**
     * Body bytes written, those of cut or abandoned downloads included (counted as each block is handed to the
     * connection, taken back if that fails).
     */
    public long bytesServed() {
        return bytes.sum();
    }

    /** Requests refused with 400 because they carried an {@code Authorization} header. */
    public long authorizationRefused() {
        return authorizationRefused.sum();
    }

    /** Requests refused with 403 because their URL had expired. */
    public long expired() {
        return expired.sum();
    }

    /** Requests refused with 403 because their signature was missing or wrong. */
    public long badSignature() {
        return badSignature.sum();
    }

    /** Requests answered 404 (no such file, e.g. after {@code reset()}). */
    public long notFound() {
        return notFound.sum();
    }

    /** Downloads that got an injected fault (server error, cut connection or throttling). */
    public long faultsInjected() {
        return faults.sum();
    }

    public void recordRequest() {
        requests.increment();
    }

    public void recordStarted() {
        started.increment();
    }

    public void recordCompleted() {
        completed.increment();
    }

    /** Adds {@code count} body bytes; negative to take back bytes whose write failed. */
    public void recordBytes(long count) {
        bytes.add(count);
    }

    /** Takes back a {@link #recordCompleted()} whose last write failed. */
    public void retractCompleted() {
        completed.decrement();
    }

    public void recordAuthorizationRefused() {
        authorizationRefused.increment();
    }

    public void recordExpired() {
        expired.increment();
    }

    public void recordBadSignature() {
        badSignature.increment();
    }

    public void recordNotFound() {
        notFound.increment();
    }

    public void recordFault() {
        faults.increment();
    }

    void reset() {
        requests.reset();
        started.reset();
        completed.reset();
        bytes.reset();
        authorizationRefused.reset();
        expired.reset();
        badSignature.reset();
        notFound.reset();
        faults.reset();
    }

    @Override
    public String toString() {
        return "DownloadStats[requests=" + requests() + ", started=" + started() + ", completed=" + completed()
                + ", bytesServed=" + bytesServed() + ", authorizationRefused=" + authorizationRefused() + ", expired="
                + expired() + ", badSignature=" + badSignature() + ", notFound=" + notFound() + ", faults="
                + faultsInjected() + "]";
    }
}
