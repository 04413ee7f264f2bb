package io.github.cameldeck.simulator.core;

import java.time.Instant;

import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.ScenarioFormatException;
import io.github.cameldeck.simulator.Task;

/**
 * Changing, resetting and deleting tasks. Runs keep the task and scenario they were created with, so a change only
 * affects new runs, and a deleted task's runs stay queryable (unfinished ones play out).
 */
public final class TaskChanges {

    private final SimulatorEngine engine;

    public TaskChanges(SimulatorEngine engine) {
        this.engine = engine;
    }

    /**
     * Applies a partial update and records {@code task.updated}. Changing the prompt or a schema of a task drops it
     * back to {@code learning} (see {@link TaskProgression}).
     */
    public Task update(String id, TaskPatch patch) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Task task = CatalogService.requireTask(state, id);
            String name = patch.name().or(task.name());
            if (name == null || name.isBlank()) {
                throw ApiException.inputInvalid("name", "`name` cannot be empty.");
            }
            Integer timeout = patch.timeoutSeconds().or(task.timeoutSeconds());
            int timeoutSeconds = timeout == null ? Task.DEFAULT_TIMEOUT_SECONDS : timeout;
            if (timeoutSeconds < 1 || timeoutSeconds > CatalogService.MAX_TIMEOUT_SECONDS) {
                throw ApiException.inputInvalid("settings.timeout_seconds",
                        "`settings.timeout_seconds` must be between 1 and "
                                + CatalogService.MAX_TIMEOUT_SECONDS + ".");
            }
            Boolean extraction = patch.extraction().or(task.extraction());
            boolean relearn = patch.changesLearnedBehaviour(task);
            Task changed = new Task(task.id(), name, task.agentId(), patch.prompt().or(task.prompt()),
                    relearn ? "learning" : task.status(), patch.inputSchema().or(task.inputSchema()),
                    patch.outputSchema().or(task.outputSchema()), patch.storage().or(task.storage()),
                    extraction != null && extraction, timeoutSeconds, scenarioOf(task, patch, state), task.createdAt(),
                    now);
            TaskRecords.replace(state, changed, now);
            if (relearn) {
                engine.progression().startOver(id);
            }
            CatalogEvents.task(state, "task.updated", changed, now);
            return changed;
        });
    }

    private static Scenario scenarioOf(Task task, TaskPatch patch, DeckState state) {
        if (!patch.simulation().present()) {
            return task.scenario();
        }
        if (patch.simulation().value() == null) {
            return state.settings.defaultScenario();
        }
        try {
            return task.scenario().overriddenBy(patch.simulation().value(), "simulation");
        } catch (ScenarioFormatException e) {
            throw ApiException.inputInvalid(e.field(), e.getMessage());
        }
    }

    /** Puts the task back to {@code learning} and records {@code task.reset}. */
    public Task reset(String id) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Task changed = CatalogService.requireTask(state, id).withStatus("learning", now);
            TaskRecords.replace(state, changed, now);
            engine.progression().startOver(id);
            CatalogEvents.task(state, "task.reset", changed, now);
            return changed;
        });
    }

    /** Deletes the task and records {@code task.deleted}; its id then answers 404 {@code task_not_found}. */
    public void delete(String id) {
        engine.call(now -> {
            delete(CatalogService.requireTask(engine.state(), id), now);
            return null;
        });
    }

    /** Deletes a task; called under the lock (also by an agent's deletion). */
    void delete(Task task, Instant now) {
        TaskRecords.remove(engine.state(), task, now);
        engine.progression().startOver(task.id());
        CatalogEvents.task(engine.state(), "task.deleted", task, now);
    }
}
