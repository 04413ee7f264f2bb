package io.github.cameldeck.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An agent as stored in the simulator; {@code tasks} lists its tasks ({@code {id, object, name, status}}). */
public record Agent(String id, String name, String description, List<TaskRef> tasks, Instant createdAt,
        Instant updatedAt) {

    /** The short task entry in an agent's {@code tasks}. */
    public record TaskRef(String id, String name, String status) {
    }

    public Agent {
        tasks = List.copyOf(tasks);
    }

    public Agent withTask(TaskRef task, Instant at) {
        List<TaskRef> list = new ArrayList<>(tasks);
        list.add(task);
        return new Agent(id, name, description, list, createdAt, at);
    }

    /** The agent with the entry of the same task replaced (its name or status changed). */
    public Agent withTaskChanged(TaskRef task, Instant at) {
        List<TaskRef> list = new ArrayList<>(tasks);
        list.replaceAll(t -> t.id().equals(task.id()) ? task : t);
        return new Agent(id, name, description, list, createdAt, at);
    }

    public Agent withoutTask(String taskId, Instant at) {
        List<TaskRef> list = new ArrayList<>(tasks);
        list.removeIf(t -> t.id().equals(taskId));
        return new Agent(id, name, description, list, createdAt, at);
    }

    public Agent withDetails(String newName, String newDescription, Instant at) {
        return new Agent(id, newName, newDescription, tasks, createdAt, at);
    }
}
