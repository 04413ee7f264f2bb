package io.github.cameldeck.simulator.core;

/** Updates and deletions of agents, sources and tasks (creation and reads: {@link CatalogService}). */
public record CatalogChanges(AgentChanges agents, SourceChanges sources, TaskChanges tasks) {

    public static CatalogChanges of(SimulatorEngine engine) {
        TaskChanges tasks = new TaskChanges(engine);
        return new CatalogChanges(new AgentChanges(engine, tasks), new SourceChanges(engine), tasks);
    }
}
