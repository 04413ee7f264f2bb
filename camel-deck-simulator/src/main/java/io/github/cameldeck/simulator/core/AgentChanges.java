package io.github.cameldeck.simulator.core;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Task;

/** Changing and deleting agents. */
public final class AgentChanges {

    private final SimulatorEngine engine;
    private final TaskChanges tasks;

    public AgentChanges(SimulatorEngine engine, TaskChanges tasks) {
        this.engine = engine;
        this.tasks = tasks;
    }

    /** Applies a partial update and records {@code agent.updated}. */
    public Agent update(String id, AgentPatch patch) {
        return engine.call(now -> {
            DeckState state = engine.state();
            Agent agent = CatalogService.requireAgent(state, id);
            String name = patch.name().or(agent.name());
            if (name == null || name.isBlank()) {
                throw ApiException.inputInvalid("name", "`name` cannot be empty.");
            }
            Agent changed = agent.withDetails(name, patch.description().or(agent.description()), now);
            state.agents.replace(changed);
            CatalogEvents.agent(state, "agent.updated", changed, now);
            return changed;
        });
    }

    /**
     * Deletes the agent with its tasks: each task records {@code task.deleted}, then the agent {@code agent.deleted}.
     * Runs of the tasks stay queryable.
     */
    public void delete(String id) {
        engine.call(now -> {
            DeckState state = engine.state();
            Agent agent = CatalogService.requireAgent(state, id);
            for (Agent.TaskRef ref : agent.tasks()) {
                Task task = state.tasks.get(ref.id());
                if (task != null) {
                    tasks.delete(task, now);
                }
            }
            state.agents.remove(id);
            CatalogEvents.agent(state, "agent.deleted", agent, now);
            return null;
        });
    }
}
