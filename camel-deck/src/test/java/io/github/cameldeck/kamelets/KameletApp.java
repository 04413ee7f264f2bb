package io.github.cameldeck.kamelets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.cameldeck.simulator.DeckSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.InterceptSendToMockEndpointStrategy;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * A Camel Main application, as a user runs the Kamelets: camel-kamelet finds them in this jar's {@code kamelets/}
 * folder, camel-yaml-dsl loads the Pipes of the guide ({@code src/main/docs/pipes}) as they are written. Every Kamelet
 * reaches the simulator through {@code camel.kamelet.<name>.baseUrl} (the Pipes leave baseUrl at Deck's), and the
 * {@code deck.api-key} placeholder the Pipes use holds the simulator's key. Endpoints matching {@link #intercept} are
 * replaced by mocks ({@code mock:log:deck-runs} for {@code log:deck-runs?...}), so a Pipe's sink is asserted without
 * being changed.
 */
final class KameletApp implements AutoCloseable {

    static final Path PIPES = Path.of("src/main/docs/pipes");

    static final List<String> KAMELETS = List.of("deck-task-run-source", "deck-event-source", "deck-storage-source",
            "deck-run-task-sink", "deck-run-task-action", "deck-submit-interaction-action");

    private final Main main = new Main();
    private final List<String> routes = new ArrayList<>();
    private final List<String> intercepted = new ArrayList<>();

    KameletApp(DeckSimulator sim) {
        main.addInitialProperty("deck.api-key", sim.apiKey());
        for (String kamelet : KAMELETS) {
            main.addInitialProperty("camel.kamelet." + kamelet + ".baseUrl", sim.baseUrl());
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                for (String pattern : intercepted) {
                    support.getCamelContext().getCamelContextExtension()
                            .registerEndpointCallback(new InterceptSendToMockEndpointStrategy(pattern, true));
                }
            }
        });
    }

    /** Loads the guide's Pipe for this Kamelet, {@code src/main/docs/pipes/<kamelet>-pipe.yaml}. */
    KameletApp pipeOf(String kamelet) {
        return routes("file:" + PIPES.resolve(kamelet + "-pipe.yaml"));
    }

    /** Loads route files (YAML routes or Pipes) from these locations. */
    KameletApp routes(String location) {
        routes.add(location);
        return this;
    }

    KameletApp routes(RoutesBuilder builder) {
        main.configure().addRoutesBuilder(builder);
        return this;
    }

    KameletApp property(String key, String value) {
        main.addInitialProperty(key, value);
        return this;
    }

    KameletApp bind(String name, Object bean) {
        main.bind(name, bean);
        return this;
    }

    /** Sends to the endpoints matching this pattern go to a mock instead, {@code mock:<scheme>:<path>}. */
    KameletApp intercept(String pattern) {
        intercepted.add(pattern);
        return this;
    }

    KameletApp start() throws Exception {
        if (!routes.isEmpty()) {
            main.addInitialProperty("camel.main.routes-include-pattern", String.join(",", routes));
        }
        main.start();
        return this;
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    MockEndpoint mock(String name) {
        return context().getEndpoint("mock:" + name, MockEndpoint.class);
    }

    @Override
    public void close() {
        main.stop();
    }
}
