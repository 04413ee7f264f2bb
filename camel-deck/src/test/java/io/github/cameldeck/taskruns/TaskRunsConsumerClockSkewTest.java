package io.github.cameldeck.taskruns;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * This host's clock ahead of or behind Deck's by up to 10 minutes: runs that completed before the consumer started,
 * runs that complete while its catch-up reads, and runs that complete after are each emitted once, and so is every
 * interaction episode. Deck's clock is the simulator's (the wall clock, which its Date header tells); the consumer's
 * clock is moved.
 */
class TaskRunsConsumerClockSkewTest extends DeckTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=50&pageSize=5").routeId("completed").autoStartup(false)
                        .to("mock:completed");
                from("deck:taskRuns?status=interaction_required&delay=50").routeId("episodes").autoStartup(false)
                        .to("mock:episodes");
            }
        };
    }

    @ParameterizedTest(name = "host clock {0} min from Deck's")
    @ValueSource(ints = {10, 2, -2, -10})
    void nothingLostOrDoubled(int skewMinutes) throws Exception {
        Clock host = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(skewMinutes));
        Task quick = quickTask();
        Task later = task("Later",
                Scenario.completesAfter(Duration.ofMillis(1500)).withQueueTime(Duration.ofMillis(10)));
        Task mfa = task("MFA", Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(10))
                .withInteraction(Interaction.mfa("123456")));
        List<String> before = List.of(sim().startRun(quick.id(), Map.of()).id(),
                sim().startRun(quick.id(), Map.of()).id());
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> before.stream().allMatch(id -> "completed".equals(sim().taskRun(id).status())));
        List<String> during = List.of(sim().startRun(later.id(), Map.of()).id(),
                sim().startRun(later.id(), Map.of()).id());

        start("completed", host);
        start("episodes", host);
        String asking = sim().startRun(mfa.id(), Map.of()).id();
        List<String> after = List.of(sim().startRun(quick.id(), Map.of()).id(),
                sim().startRun(later.id(), Map.of()).id());
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> "interaction_required".equals(sim().taskRun(asking).status()));
        MockEndpoint episodes = getMockEndpoint("mock:episodes");
        episodes.expectedMessageCount(1);
        episodes.assertIsSatisfied();
        sim().submitInteraction(asking, Map.of("code", "123456"));

        MockEndpoint completed = getMockEndpoint("mock:completed");
        completed.expectedMessageCount(7);
        completed.assertIsSatisfied(20_000);
        // a further poll or two must not bring any of them again
        awaitPolls(context, 4);
        List<String> emitted = completed.getExchanges().stream()
                .map(e -> e.getIn().getHeader("CamelDeckRunId", String.class)).toList();
        assertThat(emitted).doesNotHaveDuplicates()
                .containsAll(before).containsAll(during).containsAll(after).contains(asking);
        assertThat(episodes.getReceivedCounter()).isEqualTo(1);
    }

    private void start(String routeId, Clock clock) throws Exception {
        ((DeckTaskRunsConsumer) context.getRoute(routeId).getConsumer()).setClock(clock);
        context.getRouteController().startRoute(routeId);
    }
}
