package io.github.cameldeck.simulator.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields a {@code PATCH /tasks/{id}} may change. A present null clears {@code prompt}, the schemas and
 * {@code storage}, and puts {@code extraction} (false), {@code timeoutSeconds} (1800) and the scenario (the simulator's
 * default) back to their defaults. {@code simulation} is applied over the task's current scenario.
 */
public record TaskPatch(Change<String> name, Change<String> prompt, Change<JsonNode> inputSchema,
        Change<JsonNode> outputSchema, Change<JsonNode> storage, Change<Boolean> extraction,
        Change<Integer> timeoutSeconds, Change<JsonNode> simulation) {

    /** True if the patch changes what the agent learned: the prompt or a schema (drops the task back to learning). */
    boolean changesLearnedBehaviour(io.github.cameldeck.simulator.Task task) {
        return changes(prompt, task.prompt()) || changes(inputSchema, task.inputSchema())
                || changes(outputSchema, task.outputSchema());
    }

    private static boolean changes(Change<?> change, Object current) {
        return change.present() && !java.util.Objects.equals(change.value(), current);
    }
}
