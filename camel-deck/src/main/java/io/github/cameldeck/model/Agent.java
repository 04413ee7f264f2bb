package io.github.cameldeck.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An agent: a named group of tasks on one website.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Agent extends DeckResource {

    private String name;
    private String description;
    private List<Task> tasks;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Its tasks, each with id, name and status only. */
    public List<Task> getTasks() {
        return tasks;
    }

    public void setTasks(List<Task> tasks) {
        this.tasks = tasks;
    }

    @Override
    public String toString() {
        return "Agent[" + getId() + ", " + name + "]";
    }
}
