package io.github.cameldeck.examples.quarkus;

import java.time.Duration;
import java.util.Map;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The Deck simulator for the Quarkus application under test: its URL and key as the application's configuration. */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "sk_live_q&u%a+r=kus";
    static volatile DeckSimulator sim;
    static volatile String taskId;

    @Override
    public Map<String, String> start() {
        sim = DeckSimulator.builder().apiKey(KEY).rateLimit(0, Duration.ZERO).build().start();
        Agent agent = sim.createAgent("Quarkus");
        taskId = sim.createTask(agent.id(), "Statements", Scenario.completesAfter(Duration.ofMillis(200))
                .withQueueTime(Duration.ofMillis(20)).withOutput(Map.of("balance", "1520.33 USD"))).id();
        return Map.of("camel.component.deck.api-key", KEY, "camel.component.deck.base-url", sim.baseUrl());
    }

    @Override
    public void stop() {
        if (sim != null) {
            sim.stop();
        }
    }
}
