package io.github.cameldeck.simulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A browser session ({@code sess_}). Created when a run starts (or at creation when configured), reused by runs
 * that pass its id, {@code completed} after {@link #IDLE_TIMEOUT} without an active run or when ended explicitly.
 */
final class SessionRecord {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    final String id;
    final Instant createdAt;
    Instant updatedAt;
    final List<RunRecord> runs = new ArrayList<>(1);
    int activeRuns;
    boolean started;
    Instant idleSince;
    Instant endedAt;

    SessionRecord(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** The instant the session ended (explicitly or by idling), or null while it lives. */
    Instant endedAt(Instant now) {
        if (endedAt != null) {
            return endedAt;
        }
        if (activeRuns == 0 && idleSince != null && !now.isBefore(idleSince.plus(IDLE_TIMEOUT))) {
            return idleSince.plus(IDLE_TIMEOUT);
        }
        return null;
    }

    boolean isLive(Instant now) {
        return endedAt(now) == null;
    }

    String status(Instant now) {
        if (endedAt(now) != null) {
            return "completed";
        }
        if (activeRuns > 0) {
            return "running";
        }
        return started ? "idle" : "queued";
    }

    Instant updatedAt(Instant now) {
        Instant ended = endedAt(now);
        return ended != null ? ended : updatedAt;
    }

    long runtimeMs(Instant now) {
        Instant ended = endedAt(now);
        return Duration.between(createdAt, ended != null ? ended : now).toMillis();
    }

    void runStarted(Instant at) {
        started = true;
        activeRuns++;
        idleSince = null;
        updatedAt = at;
    }

    void runEnded(Instant at) {
        if (activeRuns > 0) {
            activeRuns--;
        }
        if (activeRuns == 0) {
            idleSince = at;
        }
        updatedAt = at;
    }
}
