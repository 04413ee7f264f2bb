package io.github.cameldeck.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst: 200 runTask and 200 getTaskRun exchanges sent at once to a Deck that answers 15% of requests with 5xx, drops
 * 5% of connections (half before, half after executing them) and limits the organization to 60 requests per 10 s. The
 * component paces itself to that budget (the application's share of it): every exchange succeeds, and each runTask
 * exchange has exactly one run.
 */
class BurstTest {

    private static final int RUN_TASKS = 200;
    private static final int GET_TASK_RUNS = 200;

    @Test
    void everyExchangeOfABurstSucceedsWithOneRunEach() throws Exception {
        DeckSimulator sim = DeckSimulator.builder().rateLimit(60, Duration.ofSeconds(10)).build().start();
        String agent = sim.createAgent("Burst").id();
        Task task = sim.createTask(agent, "burst",
                Scenario.completesAfter(Duration.ofMillis(500)).withQueueTime(Duration.ofMillis(50)));
        String known = sim.startRun(task.id(), Map.of("known", true)).id();
        sim.faults().seed(2026).serverErrors(0.15).dropBeforeProcessing(0.025).dropAfterProcessing(0.025);
        CamelContext context = Deck.context(sim, 5, 60);
        long begin = System.nanoTime();
        context.start();
        List<CompletableFuture<Exchange>> runTasks = new ArrayList<>();
        List<CompletableFuture<Exchange>> reads = new ArrayList<>();
        try {
            ProducerTemplate template = context.createProducerTemplate();
            for (int i = 0; i < Math.max(RUN_TASKS, GET_TASK_RUNS); i++) {
                int n = i;
                if (i < RUN_TASKS) {
                    runTasks.add(template.asyncSend("deck:runTask?taskId=" + task.id(),
                            e -> e.getIn().setBody(Map.of("n", n))));
                }
                if (i < GET_TASK_RUNS) {
                    reads.add(template.asyncSend("deck:getTaskRun?runId=" + known, e -> {
                    }));
                }
            }
            CompletableFuture.allOf(runTasks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
        } finally {
            context.stop();
            sim.stop();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin);

        List<Exchange> all = new ArrayList<>();
        runTasks.forEach(f -> all.add(f.join()));
        reads.forEach(f -> all.add(f.join()));
        long failed = all.stream().filter(e -> e.getException() != null).count();
        Set<String> started = ConcurrentHashMap.newKeySet();
        runTasks.forEach(f -> {
            Exchange e = f.join();
            if (e.getException() == null) {
                started.add(e.getMessage().getHeader(DeckConstants.RUN_ID, String.class));
            }
        });
        long readsOk = reads.stream().map(CompletableFuture::join)
                .filter(e -> e.getException() == null && e.getMessage().getBody(TaskRun.class) != null).count();
        new Figures("Burst: " + RUN_TASKS + " runTask + " + GET_TASK_RUNS
                + " getTaskRun at once, 15% 5xx, 5% drops, 60 requests per 10 s")
                .add("exchanges", all.size())
                .add("failed exchanges", failed)
                .add("example failure", all.stream().filter(e -> e.getException() != null).findFirst()
                        .map(e -> e.getException().getMessage()).orElse("-"))
                .add("runs created by the simulator (plus 1 read by getTaskRun)", sim.runCount() - 1)
                .add("distinct runs returned to runTask", started.size())
                .add("getTaskRun answered", readsOk)
                .add("HTTP requests served", sim.stats().totalRequests())
                .add("429 rate-limit answers", sim.stats().rateLimited())
                .add("faults injected (5xx, drops)", sim.stats().faultsInjected())
                .add("idempotent replays", sim.stats().idempotentReplays())
                .add("wall time", seconds + " s")
                .publish();

        assertThat(failed).as("failed exchanges").isZero();
        assertThat(sim.runCount() - 1).as("exactly one run per runTask exchange").isEqualTo(RUN_TASKS);
        assertThat(started).hasSize(RUN_TASKS);
        assertThat(readsOk).isEqualTo(GET_TASK_RUNS);
    }
}
