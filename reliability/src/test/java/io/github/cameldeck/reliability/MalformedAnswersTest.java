package io.github.cameldeck.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One answer in five malformed (truncated JSON, proxy HTML pages, wrong content types, empty bodies, unknown fields),
 * with the consumer's retries off so every malformed answer fails a poll: each failure is a clear DeckApiException,
 * the consumer keeps running and keeps its position.
 */
class MalformedAnswersTest {

    @Test
    void theConsumerSurvivesMalformedAnswers() throws Exception {
        int runs = 300;
        DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start();
        Task task = sim.createTask(sim.createAgent("Malformed").id(), "quick",
                Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(20)));
        List<Throwable> pollErrors = new CopyOnWriteArrayList<>();
        Map<String, Integer> emitted = new ConcurrentHashMap<>();
        CamelContext context = Deck.context(sim, 0, 0);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=50&pageSize=25&pollStrategy=#pollErrors")
                        .process(e -> emitted.merge(e.getIn().getBody(TaskRun.class).getId(), 1, Integer::sum));
            }
        });
        context.getRegistry().bind("pollErrors", new RecordingPollStrategy(pollErrors));
        sim.faults().seed(5).malformedResponses(0.2).onlyFor("GET /v2/");
        long begin = System.nanoTime();
        context.start();
        try {
            for (int i = 0; i < runs; i++) {
                sim.startRun(task.id(), Map.of("i", i));
                Thread.sleep(5);
            }
            await().atMost(2, TimeUnit.MINUTES).until(() -> emitted.size() >= runs);
            Thread.sleep(1500);
        } finally {
            context.stop();
            sim.stop();
        }
        long doubled = emitted.values().stream().filter(c -> c > 1).count();
        long deckErrors = pollErrors.stream().filter(e -> e instanceof DeckApiException).count();
        new Figures("Malformed answers: 20% of the consumer's answers spoiled, retries off")
                .add("runs", runs)
                .add("malformed answers injected", sim.stats().faultsInjected())
                .add("failed polls", pollErrors.size())
                .add("of which DeckApiException", deckErrors)
                .add("example message", pollErrors.isEmpty() ? "-" : "`" + pollErrors.get(0).getMessage() + "`")
                .add("runs emitted (distinct)", emitted.size())
                .add("runs emitted twice", doubled)
                .add("wall time", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin) + " s")
                .publish();

        assertThat(pollErrors).isNotEmpty();
        assertThat(deckErrors).isEqualTo(pollErrors.size());
        assertThat(emitted).hasSize(runs);
        assertThat(doubled).isZero();
    }
}
