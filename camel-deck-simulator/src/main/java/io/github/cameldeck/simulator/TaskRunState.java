package io.github.cameldeck.simulator;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An immutable snapshot of a task run, taken under the simulator's lock. {@code status} is the wire string (with the
 * configured cancel spelling); {@code runtimeMs} is computed at snapshot time. {@code episodeCount} counts how often
 * the run entered {@code interaction_required}.
 */
public record TaskRunState(
        String id,
        String taskId,
        String taskName,
        String agentId,
        String credentialId,
        String sourceId,
        String sessionId,
        String workflowId,
        String status,
        TaskRunStatus runStatus,
        String result,
        JsonNode input,
        JsonNode output,
        List<DeckError> errors,
        Interaction interaction,
        Instant canceledAt,
        Instant createdAt,
        Instant updatedAt,
        long runtimeMs,
        int episodeCount,
        List<StorageItem> storage,
        List<Screenshot> screenshots,
        String clientRequestId) {

    public boolean isTerminal() {
        return runStatus.isTerminal();
    }
}
