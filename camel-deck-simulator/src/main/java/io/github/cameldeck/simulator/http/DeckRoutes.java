package io.github.cameldeck.simulator.http;

/** All routes of the simulated API. */
public final class DeckRoutes {

    private DeckRoutes() {
    }

    public static Router create(Services services) {
        Router router = new Router();
        new CatalogEndpoints(services).register(router);
        new CatalogChangeEndpoints(services).register(router);
        new TaskRunEndpoints(services).register(router);
        new EventEndpoints(services).register(router);
        new EventDestinationEndpoints(services).register(router);
        return router;
    }
}
