package io.github.cameldeck.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task as stored in the simulator, with the scenario its runs follow and its timeout ({@code settings.timeout_seconds},
 * default 1800). JSON-valued fields are null when not set; treat them as read-only. {@code status} is {@code learning},
 * {@code test} or {@code live}.
 */
public record Task(String id, String name, String agentId, String prompt, String status, JsonNode inputSchema,
        JsonNode outputSchema, JsonNode storage, boolean extraction, int timeoutSeconds, Scenario scenario,
        Instant createdAt, Instant updatedAt) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 1800;

    /** True if storage items of this task's runs carry an extraction (task {@code extraction} or storage.extraction). */
    public boolean extractionEnabled() {
        return extraction || (storage != null && storage.path("extraction").asBoolean(false));
    }

    public Task withStatus(String newStatus, Instant at) {
        return new Task(id, name, agentId, prompt, newStatus, inputSchema, outputSchema, storage, extraction,
                timeoutSeconds, scenario, createdAt, at);
    }

    /** The entry for this task in its agent's {@code tasks}. */
    public Agent.TaskRef ref() {
        return new Agent.TaskRef(id, name, status);
    }
}
