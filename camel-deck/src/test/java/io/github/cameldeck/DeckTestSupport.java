package io.github.cameldeck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.ManualClock;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorClock;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.ConsumersHealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;

/**
 * Camel tests against the Deck simulator over HTTP on loopback; the deck component points at it with short retry
 * delays so fault tests stay fast.
 * <p>
 * <b>Which harness to use when</b>
 * <ul>
 * <li><b>This class</b> (camel-test-junit5's CamelTestSupport): one Camel context per test, started by the support
 * with the routes of {@link #createRouteBuilder()} (or routes the test adds with {@code context.addRoutes}), plus
 * {@code template} and {@code getMockEndpoint}. One simulator serves the test class (the static
 * {@link DeckSimulatorExtension}: system clock, no rate limit, webhook retries after 100 ms); before each test's
 * context it is {@link DeckSimulator#reset() reset}, its event destinations are deleted and a fresh agent, source and
 * credential are created. The default for producers and for consumers that live in one context. A class that needs
 * the simulator configured otherwise (a manual clock, say) registers its own extension and overrides {@link #sim()};
 * the context is then pointed at that one.</li>
 * <li><b>Hand-built {@code DefaultCamelContext}s</b> with their own simulator (a {@link DeckSimulatorExtension} of
 * the class, or a {@link DeckSimulator} per test): when the test stops a context and starts another on the same
 * state, or configures what CamelTestSupport would already have started. RestartWithPersistentRepositoryTest stops a
 * context mid-stream and starts a second one on the same persistent idempotent repository;
 * TaskRunsConsumerCatchUpTest builds a simulator whose manual clock is two hours behind for each test and starts the
 * context only after the simulator's runs have moved; TaskRunsConsumerPollingOptionsTest needs a rate-limited
 * simulator; SecretsInToolingTest a simulator with another API key and a context with JMX (which CamelTestSupport turns
 * off), health checks and dev consoles.</li>
 * <li><b>EventsConsumerTestSupport</b> (this class plus Camel's platform-http on Vert.x, on a free loopback port):
 * deck:events tests that receive webhooks, signed by the test ({@code deliver}) or by the simulator (a webhook
 * destination pointing at {@code webhookUrl(path)}). EventsConsumerNettyHttpTest uses this class directly, since it
 * receives on netty-http instead.</li>
 * <li><b>Camel Main</b> (EventsConsumerCamelMainTest): what an application configured by properties only gets
 * ({@code camel.server.*}, {@code camel.component.deck.*}): webhooks on Camel Main's own HTTP server, with its own
 * simulator.</li>
 * </ul>
 * <b>Waiting:</b> assert that nothing more arrives after a counted number of polls ({@link #awaitPolls}) or event log
 * reads ({@link #awaitEventLogReads}), not after a sleep; for time that must have passed on Deck's side, a simulator
 * clock behind this host's ({@link #clockBehindWallClock}).
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

    /** The simulator of this test class; a class with its own simulator extension overrides this. */
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
        component.getConfiguration().setApiKey(sim().apiKey());
        component.getConfiguration().setBaseUrl(sim().baseUrl());
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

    /**
     * Waits until every polling consumer of {@code context} (deck:taskRuns) has run {@code polls} whole polls that
     * started after this call: asserting then that nothing more arrived checks what those polls emitted, however slow
     * the machine. A poll is over when the next one starts (a consumer polls on one thread, one poll at a time).
     */
    public static void awaitPolls(CamelContext context, int polls) {
        List<ScheduledPollConsumer> consumers = context.getRoutes().stream().map(Route::getConsumer)
                .filter(ScheduledPollConsumer.class::isInstance).map(ScheduledPollConsumer.class::cast).toList();
        if (consumers.isEmpty()) {
            throw new IllegalStateException("No polling consumer in " + context.getName());
        }
        long[] started = consumers.stream().mapToLong(ScheduledPollConsumer::getCounter).toArray();
        await().atMost(30, TimeUnit.SECONDS).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> IntStream.range(0, started.length)
                        .allMatch(i -> consumers.get(i).getCounter() > started[i] + polls));
    }

    /**
     * Waits until deck:events consumers have read Deck's event log {@code reads} more times from start to end, counted
     * in {@code GET /events} requests to {@link #sim()}: one per read while the log fits in one page (100 events). A
     * request is counted when it arrives, so the read that was going on at this call is not counted, and the last read
     * counted is over when the next one begins.
     */
    protected void awaitEventLogReads(int reads) {
        long before = sim().stats().requests("GET /v2/events");
        await().atMost(30, TimeUnit.SECONDS).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> sim().stats().requests("GET /v2/events") > before + reads);
    }

    /**
     * A manual simulator clock {@code lag} behind this host's. Deck's time of an answer is its Date header, which the
     * simulator's HTTP server (the JDK's) takes from this host's clock, not from the simulator clock: the runs and
     * events of a simulator on this clock are {@code lag} old by Deck's time as soon as they happen, which is what a
     * test would otherwise sleep for. Its runs move only with {@link DeckSimulator#advance}.
     */
    public static ManualClock clockBehindWallClock(Duration lag) {
        return SimulatorClock.manual(Instant.now().minus(lag));
    }

    /** The SHA-256 of everything {@code in} holds, in hex; {@code in} is closed. */
    public static String sha256(InputStream in) throws IOException {
        try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A run that completes quickly. */
    protected Task quickTask() {
        return task("Quick", Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(50)));
    }
}
