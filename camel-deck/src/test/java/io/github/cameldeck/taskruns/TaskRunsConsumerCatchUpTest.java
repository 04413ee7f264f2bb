package io.github.cameldeck.taskruns;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorClock;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cameldeck.DeckTestSupport.awaitPolls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs that finished two hours before the consumer started: only the catch-up sees them (the event log is read from
 * the start on), so these tests tell the catch-up's behaviour apart.
 */
class TaskRunsConsumerCatchUpTest {

    private DeckSimulator sim;
    private CamelContext context;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO)
                .clock(SimulatorClock.manual(Instant.now().minus(Duration.ofHours(2)))).build().start();
        context = new DefaultCamelContext();
        DeckComponent component = context.getComponent("deck", DeckComponent.class);
        component.getConfiguration().setApiKey(sim.apiKey());
        component.getConfiguration().setBaseUrl(sim.baseUrl());
        component.getConfiguration().setMaxRetries(0);
    }

    @AfterEach
    void stop() {
        context.stop();
        sim.stop();
    }

    @Test
    void aFailedRunIsOfferedAgainEvenWhenTheNextPollFails() throws Exception {
        Task task = sim.createTask(sim.createAgent("a").id(), "t", Scenario.completesAfter(Duration.ofSeconds(1)));
        String runId = sim.startRun(task.id(), Map.of()).id();
        sim.advance(Duration.ofSeconds(10));
        sim.faults().serverErrors(1.0).onlyFor("GET /v2/events");
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=100").errorHandler(noErrorHandler())
                        .process(e -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("the database is down");
                            }
                        })
                        .process(e -> received.add(e.getIn().getBody(TaskRun.class).getId()));
            }
        });
        context.start();

        await().atMost(10, TimeUnit.SECONDS).until(() -> attempts.get() == 1 && sim.stats().faultsInjected() >= 3);
        sim.faults().reset();

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 1);
        assertThat(received).containsExactly(runId);
    }

    @Test
    void episodesThatEndedBeforeTheStartAreNotEmittedButOpenOnesAre() throws Exception {
        Task task = sim.createTask(sim.createAgent("a").id(), "t",
                Scenario.completesAfter(Duration.ofSeconds(1)).withInteraction(Interaction.mfa("123456")));
        String answered = sim.startRun(task.id(), Map.of()).id();
        String waiting = sim.startRun(task.id(), Map.of()).id();
        sim.advance(Duration.ofSeconds(10));
        sim.submitInteraction(answered, Map.of("code", "123456"));
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.taskRun(answered).status()).isEqualTo("completed");
        assertThat(sim.taskRun(waiting).status()).isEqualTo("interaction_required");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?status=interaction_required&delay=100")
                        .process(e -> received.add(e.getIn().getBody(TaskRun.class).getId()));
            }
        });
        context.start();

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        awaitPolls(context, 2);
        assertThat(received).containsExactly(waiting);
    }
}
