package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.List;

/** A session as seen at one instant. */
public record SessionSnapshot(String id, String status, long runtimeMs, List<RunRef> taskRuns, Instant createdAt,
        Instant updatedAt) {

    /** A run of the session ({@code task_runs[]}). */
    public record RunRef(String id, String taskId, String agentId, String credentialId) {
    }
}
