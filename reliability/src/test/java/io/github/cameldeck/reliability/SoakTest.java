package io.github.cameldeck.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs created through deck:runTask and consumed through deck:taskRuns while Deck answers 10% of requests with 5xx,
 * drops 3% of connections (half before, half after executing them), answers 5% slowly, limits the organization to 60
 * requests per 10 s, and issues offset cursors so list pages shift as runs arrive.
 */
class SoakTest {

    @Test
    void everyRunIsStartedOnceAndEmittedOnce() throws Exception {
        int runs = Integer.getInteger("soak.runs", 5000);
        DeckSimulator sim = DeckSimulator.builder().rateLimit(60, Duration.ofSeconds(10)).build().start();
        sim.faults().seed(2026).serverErrors(0.10).dropBeforeProcessing(0.015).dropAfterProcessing(0.015)
                .slowResponses(0.05, Duration.ofMillis(300)).offsetCursors(true);
        String agent = sim.createAgent("Soak").id();
        List<Task> tasks = List.of(
                sim.createTask(agent, "fast",
                        Scenario.completesAfter(Duration.ofMillis(500)).withQueueTime(Duration.ofMillis(50))),
                sim.createTask(agent, "medium", Scenario.completesAfter(Duration.ofSeconds(3))),
                sim.createTask(agent, "slow", Scenario.completesAfter(Duration.ofSeconds(20))));

        Set<String> started = ConcurrentHashMap.newKeySet();
        Map<String, Integer> emitted = new ConcurrentHashMap<>();
        AtomicInteger routeRedeliveries = new AtomicInteger();
        CamelContext context = Deck.context(sim, 8, 60);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(2000)
                                .onRedelivery(e -> routeRedeliveries.incrementAndGet()))
                        .to("deck:runTask")
                        .process(e -> started.add(e.getMessage().getHeader(DeckConstants.RUN_ID, String.class)));
                from("deck:taskRuns?status=completed&delay=2000&pageSize=100")
                        .process(e -> emitted.merge(e.getIn().getBody(TaskRun.class).getId(), 1, Integer::sum));
            }
        });
        long begin = System.nanoTime();
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < runs; i++) {
                String taskId = tasks.get(i % tasks.size()).id();
                int n = i;
                callers.submit(() -> template.requestBodyAndHeader("direct:start", Map.of("n", n),
                        DeckConstants.TASK_ID, taskId));
            }
            callers.shutdown();
            assertThat(callers.awaitTermination(60, TimeUnit.MINUTES)).isTrue();
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> emitted.size() >= runs && sim.taskRuns().stream().allMatch(r -> r.isTerminal()));
            Thread.sleep(5000); // a few more polls: anything emitted twice would show now
        } finally {
            context.stop();
            sim.stop();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);

        long duplicates = emitted.values().stream().filter(c -> c > 1).count();
        long lost = started.stream().filter(id -> !emitted.containsKey(id)).count();
        new Figures("Soak: " + runs + " runs through faults and the rate limit")
                .add("runs requested (deck:runTask exchanges)", runs)
                .add("runs created by the simulator", sim.runCount())
                .add("distinct runs returned to the producer", started.size())
                .add("runs emitted by deck:taskRuns (distinct)", emitted.size())
                .add("runs emitted more than once", duplicates)
                .add("runs lost (started, never emitted)", lost)
                .add("HTTP requests served", sim.stats().totalRequests())
                .add("faults injected (5xx, drops, slow)", sim.stats().faultsInjected())
                .add("429 rate-limit answers", sim.stats().rateLimited())
                .add("idempotent replays (a retried POST answered with its first run)", sim.stats().idempotentReplays())
                .add("route-level redeliveries (deck retries exhausted)", routeRedeliveries.get())
                .add("wall time", seconds + " s")
                .publish();

        assertThat(sim.runCount()).as("no double starts").isEqualTo(runs);
        assertThat(started).hasSize(runs);
        assertThat(duplicates).as("emitted twice").isZero();
        assertThat(lost).as("lost").isZero();
        assertThat(emitted).hasSize(runs);
    }
}
