package io.github.cameldeck.examples.quarkus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.cameldeck.model.TaskRun;

/** The runs the route consumed, by id. */
@ApplicationScoped
public class CompletedRuns {

    private final Map<String, TaskRun> runs = new ConcurrentHashMap<>();

    void add(TaskRun run) {
        runs.put(run.getId(), run);
    }

    public Map<String, TaskRun> byId() {
        return Map.copyOf(runs);
    }
}
