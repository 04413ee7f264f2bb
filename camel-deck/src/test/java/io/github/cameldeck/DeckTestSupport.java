package io.github.cameldeck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel tests against the Deck simulator over HTTP on loopback; the deck component points at it with short retry
 * delays so fault tests stay fast.
 */
public abstract class DeckTestSupport extends CamelTestSupport {

    @RegisterExtension
    protected static DeckSimulatorExtension deck = DeckSimulatorExtension
            .create(b -> b.rateLimit(0, Duration.ZERO).webhookBackoff(Duration.ofMillis(100)));

    /** A webhook signing secret (whsec_ + base64 of 32 bytes), and another one. */
    public static final String SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("camel-deck-test-secret-32-bytes!".getBytes(StandardCharsets.UTF_8));
    public static final String OTHER_SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("some-other-secret-of-32-bytes!!!".getBytes(StandardCharsets.UTF_8));

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

    /** Registers Camel's consumers health repository, so each consumer's readiness check can be invoked. */
    protected static void enableConsumerHealthChecks(CamelContext context) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(context);
        registry.register(new ConsumersHealthCheckRepository());
        context.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
    }

    /** The test log file (log4j2-test.properties), flushed first. */
    protected static String readTestLog() throws IOException {
        ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppenders().values().forEach(a -> {
            if (a instanceof FileAppender f) {
                f.getManager().flush();
            }
        });
        return Files.readString(Path.of("target/camel-deck-test.log"));
    }

    /** A run that completes quickly. */
    protected Task quickTask() {
        return task("Quick", Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(50)));
    }
}
