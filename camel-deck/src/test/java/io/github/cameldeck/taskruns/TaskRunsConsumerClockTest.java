package io.github.cameldeck.taskruns;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lookback is measured back from Deck's time: a run Deck created 2 hours before its Date header is beyond
 * lookback=1h and not caught up (neither by the catch-up nor by the event feed's start), and within lookback=3h it is.
 */
class TaskRunsConsumerClockTest extends DeckTestSupport {

    @Test
    void theLookbackIsMeasuredOnDecksTime() throws Exception {
        try (DeckSimulator twoHoursAgo = DeckSimulator.builder().rateLimit(0, Duration.ZERO)
                .clock(clockBehindWallClock(Duration.ofHours(2))).build().start()) {
            Task task = twoHoursAgo.createTask(twoHoursAgo.createAgent("Old runs").id(), "Quick",
                    Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(50)));
            String runId = twoHoursAgo.startRun(task.id(), Map.of()).id();
            twoHoursAgo.advance(Duration.ofSeconds(1));
            assertThat(twoHoursAgo.taskRun(runId).status()).isEqualTo("completed");
            context.getComponent("deck", DeckComponent.class).getConfiguration().setBaseUrl(twoHoursAgo.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("deck:taskRuns?lookback=1h&delay=50").routeId("hour").autoStartup(false).to("mock:hour");
                    from("deck:taskRuns?lookback=3h&delay=50").routeId("hours").autoStartup(false).to("mock:hours");
                }
            });

            context.getRouteController().startRoute("hour");
            long before = twoHoursAgo.stats().totalRequests();
            // the catch-up's page and two event-log reads: the consumer has looked
            await().atMost(10, TimeUnit.SECONDS).until(() -> twoHoursAgo.stats().totalRequests() >= before + 3);
            assertThat(getMockEndpoint("mock:hour").getReceivedCounter())
                    .as("created 2 h before Deck's now, beyond lookback=1h").isZero();

            MockEndpoint hours = getMockEndpoint("mock:hours");
            hours.expectedHeaderReceived("CamelDeckRunId", runId);
            context.getRouteController().startRoute("hours");
            hours.assertIsSatisfied();
        }
    }
}
