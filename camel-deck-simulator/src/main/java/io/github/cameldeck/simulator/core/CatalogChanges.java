package io.github.cameldeck.simulator.core;

/** Updates and deletions of tasks (creation and reads: {@link CatalogService}). */
public record CatalogChanges(TaskChanges tasks) {

    public static CatalogChanges of(SimulatorEngine engine) {
        return new CatalogChanges(new TaskChanges(engine));
    }
}
