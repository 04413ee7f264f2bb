package io.github.cameldeck.taskruns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TaskRunsConsumerTest extends DeckTestSupport {

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private void consume(String uri) throws Exception {
        consume(uri, e -> {
        });
    }

    private void consume(String uri, org.apache.camel.Processor processor) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("taskRuns")
                        .process(processor)
                        .process(e -> received.add(e.copy()));
            }
        });
    }

    private List<String> receivedIds() {
        List<String> ids = new ArrayList<>();
        for (Exchange e : received) {
            ids.add(e.getIn().getBody(TaskRun.class).getId());
        }
        return ids;
    }

    private Task fast() {
        return task("Fast", Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(50)));
    }

    @Test
    void stoppingAndStartingTheRouteDoesNotEmitAgainWithTheDefaultRepository() throws Exception {
        Task fast = fast();
        Set<String> started = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            started.add(sim().startRun(fast.id(), Map.of("n", i)).id());
        }
        consume("deck:taskRuns?delay=100");
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 3);

        context.getRouteController().stopRoute("taskRuns");
        context.getRouteController().startRoute("taskRuns");
        String later = sim().startRun(fast.id(), Map.of("n", 3)).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> receivedIds().contains(later));
        awaitPolls(context, 2);

        started.add(later);
        assertThat(receivedIds()).hasSize(4).containsExactlyInAnyOrderElementsOf(started);
    }

    @Test
    void emitsEveryRunOnceThatCompletesWhileTheConsumerPages() throws Exception {
        Task slow = task("Slow", Scenario.completesAfter(Duration.ofMillis(2500)).withQueueTime(Duration.ofMillis(10)));
        Task fast = task("Fast", Scenario.completesAfter(Duration.ofMillis(400)).withQueueTime(Duration.ofMillis(10)));
        Set<String> started = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 5; i++) {
            started.add(sim().startRun(slow.id(), Map.of("slow", i)).id());
        }
        consume("deck:taskRuns?delay=100&pageSize=20");
        for (int i = 0; i < 300; i++) {
            started.add(sim().startRun(fast.id(), Map.of("fast", i)).id());
            if (i % 50 == 0) {
                awaitPolls(context, 1); // the runs arrive in bursts between polls
            }
        }

        await().atMost(30, TimeUnit.SECONDS).until(() -> received.size() >= 305);
        awaitPolls(context, 2);

        assertThat(received).hasSize(305);
        assertThat(new HashSet<>(receivedIds())).isEqualTo(started);
        assertThat(received).allMatch(e -> "completed".equals(e.getIn().getHeader(DeckConstants.RUN_STATUS)));
        assertThat(received).allMatch(e -> e.getIn().getBody(TaskRun.class).getOutput() != null);
    }

    @Test
    void emitsEachInteractionEpisodeAndTheCompletionOnce() throws Exception {
        Task twoStep = task("Two-step", Scenario.completesAfter(Duration.ofMillis(300))
                .withQueueTime(Duration.ofMillis(10))
                .withInteraction(Interaction.mfa("111111"))
                .withInteraction(Interaction.mfa("222222")));
        List<String> completed = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?status=interaction_required&delay=100")
                        .process(e -> received.add(e.copy()))
                        .setBody(e -> Map.of("code", received.size() == 1 ? "111111" : "222222"))
                        .to("deck:submitInteraction");
                from("deck:taskRuns?status=completed&delay=100")
                        .process(e -> completed.add(e.getIn().getBody(TaskRun.class).getId()));
            }
        });

        String runId = sim().startRun(twoStep.id(), Map.of()).id();

        await().atMost(20, TimeUnit.SECONDS).until(() -> completed.size() == 1);
        awaitPolls(context, 2);
        assertThat(received).hasSize(2);
        assertThat(receivedIds()).containsOnly(runId);
        assertThat(completed).containsExactly(runId);
    }

    @Test
    void aFailedExchangeIsOfferedAgainOnTheNextPoll() throws Exception {
        Task task = fast();
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=100").routeId("taskRuns")
                        .errorHandler(noErrorHandler())
                        .process(e -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("the database is down");
                            }
                        })
                        .process(e -> received.add(e.copy()));
            }
        });

        String runId = sim().startRun(task.id(), Map.of()).id();

        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() == 1);
        awaitPolls(context, 2);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(receivedIds()).containsExactly(runId);
    }

    @Test
    void emitsRunsThatFinishedBeforeItStartedOldestFirstWithBatchProperties() throws Exception {
        Task task = fast();
        // started back to back: "oldest first" orders by when a run completed, then when it was created (Deck's
        // whole seconds both), then by run id, which is time-ordered; these runs all take as long, so each of the three
        // follows the order of creation, however close together the runs start
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(sim().startRun(task.id(), Map.of("i", i)).id());
        }
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> sim().taskRuns().stream().allMatch(r -> r.isTerminal()));

        consume("deck:taskRuns?delay=100&pageSize=100&maxMessagesPerPoll=4");

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 7);
        assertThat(receivedIds()).containsExactlyElementsOf(ids);
        assertThat(received.get(0).getProperty(ExchangePropertyKey.BATCH_SIZE)).isEqualTo(4);
        assertThat(received.get(3).getProperty(ExchangePropertyKey.BATCH_COMPLETE)).isEqualTo(true);
        assertThat(received.get(4).getProperty(ExchangePropertyKey.BATCH_INDEX)).isEqualTo(0);
        assertThat(received.get(4).getProperty(ExchangePropertyKey.BATCH_SIZE)).isEqualTo(3);
    }

    @Test
    void filtersAsConfigured() throws Exception {
        Task a = fast();
        Task b = fast();
        Task failing = task("Failing", Scenario.fails("source", "source_error", "The site is down")
                .withQueueTime(Duration.ofMillis(10)).withRunTime(Duration.ofMillis(100)));
        sim().startRun(a.id(), Map.of(), credential.id());
        sim().startRun(a.id(), Map.of());
        sim().startRun(b.id(), Map.of(), credential.id());
        String failed = sim().startRun(failing.id(), Map.of()).id();

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=100&taskId=" + a.id()).to("mock:task");
                from("deck:taskRuns?delay=100&credentialId=" + credential.id()).to("mock:credential");
                from("deck:taskRuns?delay=100&sourceId=" + source.id()).to("mock:source");
                from("deck:taskRuns?delay=100&agentId=" + agent.id() + "&status=completed,failed").to("mock:agent");
                from("deck:taskRuns?delay=100&status=failed&outcome=failure").to("mock:failed");
                from("deck:taskRuns?delay=100&workflowId=wflo_none").to("mock:workflow");
            }
        });

        getMockEndpoint("mock:task").expectedMessageCount(2);
        getMockEndpoint("mock:credential").expectedMessageCount(2);
        getMockEndpoint("mock:source").expectedMessageCount(2);
        getMockEndpoint("mock:agent").expectedMessageCount(4);
        getMockEndpoint("mock:failed").expectedMessageCount(1);
        getMockEndpoint("mock:failed").expectedHeaderReceived(DeckConstants.RUN_ID, failed);
        getMockEndpoint("mock:failed").expectedHeaderReceived(DeckConstants.RUN_RESULT, "failure");
        getMockEndpoint("mock:workflow").expectedMessageCount(0);
        getMockEndpoint("mock:task").setResultWaitTime(10_000);
        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
        awaitPolls(context, 2);
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void sendsEmptyMessagesWhenIdleIfAsked() throws Exception {
        consume("deck:taskRuns?delay=50&sendEmptyMessageWhenIdle=true");

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        assertThat(received.get(0).getIn().getBody()).isNull();
    }

    @Test
    void costsOneRequestPerPollWhenNothingHappens() throws Exception {
        // the event log's overlap re-reads the last 5 seconds of events; after that an idle poll is one request. On a
        // simulator 30 s behind Deck's Date header (this host's clock) the runs are out of the overlap at once, and
        // still within the 60 s the event log is read back at start, so the first read of the log covers them again
        try (DeckSimulator behind = DeckSimulator.builder().rateLimit(0, Duration.ZERO)
                .clock(clockBehindWallClock(Duration.ofSeconds(30))).build().start()) {
            Task task = behind.createTask(behind.createAgent("Idle agent").id(), "Fast",
                    Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(50)));
            for (int i = 0; i < 150; i++) {
                behind.startRun(task.id(), Map.of());
            }
            behind.advance(Duration.ofSeconds(1));
            assertThat(behind.taskRuns()).allMatch(r -> r.isTerminal());
            context.getComponent("deck", DeckComponent.class).getConfiguration().setBaseUrl(behind.baseUrl());
            consume("deck:taskRuns?delay=100");
            await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 150);
            awaitPolls(context, 2); // the catch-up and the first read of the event log are over

            behind.stats().reset();
            awaitPolls(context, 20);
            System.out.println("ROUTES " + behind.stats().routes());
            long events = behind.stats().requests("GET /v2/events");
            long total = behind.stats().totalRequests();
            assertThat(events).as("one event-log read per poll").isBetween(5L, 25L);
            assertThat(total).as("nothing else while idle").isEqualTo(events);
        }
    }
}
