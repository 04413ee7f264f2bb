package io.github.cameldeck.benchmarks;

import io.github.cameldeck.DeckComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Camel contexts whose deck component points at a simulator, configured as a user would (component options). */
final class Contexts {

    private Contexts() {
    }

    /** A context on a simulator with Deck's rate limit: the deck component paces its requests (the default). */
    static CamelContext deck(String baseUrl, String apiKey) {
        CamelContext context = new DefaultCamelContext();
        DeckComponent component = context.getComponent("deck", DeckComponent.class);
        component.getConfiguration().setApiKey(apiKey);
        component.getConfiguration().setBaseUrl(baseUrl);
        return context;
    }

    /**
     * A context on a simulator without a rate limit, where the deck component does not pace either, like the plain
     * clients it is compared with.
     */
    static CamelContext deckUnpaced(String baseUrl, String apiKey) {
        CamelContext context = deck(baseUrl, apiKey);
        context.getComponent("deck", DeckComponent.class).setRateLimit(0);
        return context;
    }
}
