package io.github.cameldeck.springboot;

import java.time.Duration;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Boot tests against the Deck simulator: one simulator per test class, started before the application
 * context, which gets its URL and key through {@code camel.component.deck.*} properties. The context is closed
 * after the class, so that no consumer outlives its simulator.
 */
@DirtiesContext
abstract class DeckSimulatorSupport {

    static final String API_KEY = "sk_live_starter_test_7c41d9e2b8a6";

    @RegisterExtension
    static DeckSimulatorExtension deck = DeckSimulatorExtension.create(b -> b.apiKey(API_KEY)
            .rateLimit(0, Duration.ZERO));

    @DynamicPropertySource
    static void pointTheComponentAtTheSimulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.deck.base-url", deck::baseUrl);
        registry.add("camel.component.deck.api-key", deck::apiKey);
        registry.add("camel.main.shutdown-timeout", () -> "5");
    }

    static DeckSimulator sim() {
        return deck.simulator();
    }

    /** A task whose runs complete quickly. */
    static Task quickTask() {
        Agent agent = sim().createAgent("Starter tests");
        return sim().createTask(agent.id(), "Quick",
                Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(50)));
    }
}
