package io.github.cameldeck.benchmarks;

import io.github.cameldeck.DeckComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Camel contexts whose deck component points at a simulator, configured as a user would (component options). */
final class Contexts {

    private Contexts() {
    }

    static CamelContext deck(String baseUrl, String apiKey) {
        CamelContext context = new DefaultCamelContext();
        DeckComponent component = context.getComponent("deck", DeckComponent.class);
        component.getConfiguration().setApiKey(apiKey);
        component.getConfiguration().setBaseUrl(baseUrl);
        return context;
    }
}
