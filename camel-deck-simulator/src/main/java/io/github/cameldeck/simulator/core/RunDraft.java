package io.github.cameldeck.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /tasks/{id}/run}; every field but the task id may be null. */
public record RunDraft(String taskId, String credentialId, String sourceId, String sessionId, JsonNode input,
        String clientRequestId) {

    public static RunDraft of(String taskId, JsonNode input) {
        return new RunDraft(taskId, null, null, null, input, null);
    }
}
