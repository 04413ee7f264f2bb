package io.github.cameldeck.simulator.core;

/** Updates and deletions of agents, sources, credentials and tasks (creation and reads: {@link CatalogService}). */
public record CatalogChanges(AgentChanges agents, SourceChanges sources, CredentialChanges credentials,
        TaskChanges tasks) {

    public static CatalogChanges of(SimulatorEngine engine) {
        TaskChanges tasks = new TaskChanges(engine);
        return new CatalogChanges(new AgentChanges(engine, tasks), new SourceChanges(engine),
                new CredentialChanges(engine), tasks);
    }
}
