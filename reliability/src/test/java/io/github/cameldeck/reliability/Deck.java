package io.github.cameldeck.reliability;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.simulator.DeckSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context whose deck component points at a simulator. */
final class Deck {

    private Deck() {
    }

    /**
     * @param rateLimit the simulator's requests per 10 s, which the component paces itself to; 0 when the simulator
     *                  has no limit
     */
    static CamelContext context(DeckSimulator sim, int maxRetries, int rateLimit) {
        CamelContext context = new DefaultCamelContext();
        DeckComponent component = context.getComponent("deck", DeckComponent.class);
        component.getConfiguration().setApiKey(sim.apiKey());
        component.getConfiguration().setBaseUrl(sim.baseUrl());
        component.getConfiguration().setMaxRetries(maxRetries);
        component.setRateLimit(rateLimit);
        component.setRateLimitWindow(10_000);
        return context;
    }
}
