package io.github.cameldeck.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs that ask for one to three MFA codes, each answered by a route, under 5% server errors: all complete. */
class InteractionsTest {

    @Test
    void everyInteractionIsAnsweredAndEveryRunCompletes() throws Exception {
        int runsPerKind = 50;
        DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start();
        sim.faults().seed(11).serverErrors(0.05);
        String agent = sim.createAgent("Interactions").id();
        List<Task> tasks = new ArrayList<>();
        for (int asks = 1; asks <= 3; asks++) {
            Scenario scenario = Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(20));
            for (int i = 0; i < asks; i++) {
                scenario = scenario.withInteraction(Interaction.mfa("11111" + i));
            }
            tasks.add(sim.createTask(agent, asks + " codes", scenario));
        }
        Map<String, Integer> asked = new ConcurrentHashMap<>();
        Set<String> completed = ConcurrentHashMap.newKeySet();
        AtomicInteger completedEmissions = new AtomicInteger();
        CamelContext context = Deck.context(sim, 5, 0);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?status=interaction_required&delay=100")
                        .process(e -> {
                            String id = e.getIn().getBody(TaskRun.class).getId();
                            int episode = asked.merge(id, 1, Integer::sum) - 1;
                            e.getIn().setBody(Map.of("code", "11111" + episode));
                        })
                        .to("deck:submitInteraction");
                from("deck:taskRuns?status=completed&delay=100")
                        .process(e -> {
                            completed.add(e.getIn().getBody(TaskRun.class).getId());
                            completedEmissions.incrementAndGet();
                        });
            }
        });
        long begin = System.nanoTime();
        context.start();
        int runs = 0;
        int expectedInteractions = 0;
        try {
            for (int i = 0; i < runsPerKind; i++) {
                for (int kind = 0; kind < 3; kind++) {
                    sim.startRun(tasks.get(kind).id(), Map.of("i", i));
                    runs++;
                    expectedInteractions += kind + 1;
                }
            }
            int total = runs;
            await().atMost(2, TimeUnit.MINUTES).until(() -> completed.size() >= total);
            Thread.sleep(1500);
        } finally {
            context.stop();
            sim.stop();
        }
        int answered = asked.values().stream().mapToInt(Integer::intValue).sum();
        new Figures("Interactions: runs asking for 1 to 3 MFA codes, answered by a route")
                .add("runs", runs)
                .add("interactions expected", expectedInteractions)
                .add("interaction episodes emitted and answered", answered)
                .add("runs completed", completed.size())
                .add("completed runs emitted twice", completedEmissions.get() - completed.size())
                .add("faults injected (5xx)", sim.stats().faultsInjected())
                .add("wall time", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin) + " s")
                .publish();

        assertThat(completed).hasSize(runs);
        assertThat(completedEmissions.get()).isEqualTo(runs);
        assertThat(answered).isEqualTo(expectedInteractions);
    }
}
