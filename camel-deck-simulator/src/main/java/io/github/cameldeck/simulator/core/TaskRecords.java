package io.github.cameldeck.simulator.core;

import java.time.Instant;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Task;

/** Stores a changed task or removes one, keeping its agent's {@code tasks[]} entry in step. */
final class TaskRecords {

    private TaskRecords() {
    }

    static void replace(DeckState state, Task task, Instant at) {
        state.tasks.replace(task);
        Agent agent = state.agents.get(task.agentId());
        if (agent != null) {
            state.agents.replace(agent.withTaskChanged(task.ref(), at));
        }
    }

    static void remove(DeckState state, Task task, Instant at) {
        state.tasks.remove(task.id());
        Agent agent = state.agents.get(task.agentId());
        if (agent != null) {
            state.agents.replace(agent.withoutTask(task.id(), at));
        }
    }
}
