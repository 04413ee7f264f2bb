package io.github.cameldeck.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.Scenario;

/**
 * What is needed to create a task. Optional fields may be null ({@code timeoutSeconds} null = 1800,
 * {@code scenario} null = the simulator's default scenario, {@code id} null = generated).
 */
public record TaskDraft(String id, String name, String agentId, String prompt, JsonNode inputSchema,
        JsonNode outputSchema, JsonNode storage, boolean extraction, Integer timeoutSeconds, Scenario scenario) {

    public static TaskDraft of(String agentId, String name, Scenario scenario) {
        return new TaskDraft(null, name, agentId, null, null, null, null, false, null, scenario);
    }
}
