package io.github.cameldeck.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deck:events in Camel Main with camel-platform-http-main: the webhooks arrive on Camel's own HTTP server
 * ({@code camel.server.*}), configured by properties only.
 */
class EventsConsumerCamelMainTest {

    @Test
    void receivesTheSimulatorsWebhooksOnTheMainHttpServer() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start()) {
            Set<String> received = ConcurrentHashMap.newKeySet();
            Main main = new Main();
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.host", "127.0.0.1");
            main.addInitialProperty("camel.server.port", Integer.toString(port));
            main.addInitialProperty("camel.component.deck.api-key", sim.apiKey());
            main.addInitialProperty("camel.component.deck.base-url", sim.baseUrl());
            main.addInitialProperty("camel.component.deck.webhook-secret", DeckTestSupport.SECRET);
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("deck:events?types=task_run.completed&autoRegister=true&publicUrl=http://127.0.0.1:" + port
                            + "/deck/events")
                            .process(e -> received.add(e.getMessage().getHeader(DeckConstants.RUN_ID, String.class)));
                }
            });
            main.start();
            try {
                Agent agent = sim.createAgent("Main");
                Task task = sim.createTask(agent.id(), "Quick",
                        Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(20)));
                List<String> runs = List.of(sim.startRun(task.id(), Map.of("n", 1)).id(),
                        sim.startRun(task.id(), Map.of("n", 2)).id());

                await().atMost(20, TimeUnit.SECONDS).until(() -> received.containsAll(runs));
                assertThat(sim.eventDestinations()).singleElement()
                        .satisfies(d -> assertThat(d.url()).isEqualTo("http://127.0.0.1:" + port + "/deck/events"));
                assertThat(sim.stats().webhookFailures()).isZero();
            } finally {
                main.stop();
            }
        }
    }
}
