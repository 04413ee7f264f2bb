package io.github.cameldeck;

import java.time.Duration;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel tests against the Deck simulator over HTTP on loopback; the deck component points at it with short retry
 * delays so fault tests stay fast.
 */
abstract class DeckTestSupport extends CamelTestSupport {

    @RegisterExtension
    static DeckSimulatorExtension deck = DeckSimulatorExtension
            .create(b -> b.rateLimit(0, Duration.ZERO).webhookBackoff(Duration.ofMillis(100)));

    protected Agent agent;
    protected Source source;
    protected Credential credential;

    protected DeckSimulator sim() {
        return deck.simulator();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        sim().reset();
        // destinations outlive reset(), like tasks: a test's webhooks must not reach the next test's server
        sim().eventDestinations().forEach(d -> sim().deleteEventDestination(d.id()));
        agent = sim().createAgent("Test agent");
        source = sim().createSource("https://bank.example.com");
        credential = sim().createCredential(source.id(), "alice", "alice-password");
        CamelContext context = super.createCamelContext();
        DeckComponent component = context.getComponent("deck", DeckComponent.class);
        component.getConfiguration().setApiKey(deck.apiKey());
        component.getConfiguration().setBaseUrl(deck.baseUrl());
        component.getConfiguration().setRetryInitialDelay(10);
        component.getConfiguration().setRetryMaxDelay(100);
        return context;
    }

    protected Task task(String name, Scenario scenario) {
        return sim().createTask(agent.id(), name, scenario);
    }

    /** A run that completes quickly. */
    protected Task quickTask() {
        return task("Quick", Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(50)));
    }
}
