package io.github.cameldeck.taskruns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's start position and lookback are read from its clock: a run created before the lookback window, as
 * that clock tells it, is not caught up.
 */
class TaskRunsConsumerClockTest extends DeckTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?lookback=1h&delay=50").routeId("runs").autoStartup(false).to("mock:runs");
            }
        };
    }

    @Test
    void theLookbackIsMeasuredOnTheConsumersClock() throws Exception {
        String runId = sim().startRun(quickTask().id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(runId).status()));
        MockEndpoint mock = getMockEndpoint("mock:runs");

        startOnClock(Instant.now().plus(Duration.ofHours(2)));
        long before = sim().stats().totalRequests();
        // the catch-up's page and two event-log reads: the consumer has looked
        await().atMost(10, TimeUnit.SECONDS).until(() -> sim().stats().totalRequests() >= before + 3);
        assertThat(mock.getReceivedCounter()).as("created 2 h before the consumer's now, beyond lookback=1h").isZero();

        context.getRouteController().stopRoute("runs");
        startOnClock(Instant.now());
        mock.expectedHeaderReceived("CamelDeckRunId", runId);
        mock.assertIsSatisfied();
    }

    private void startOnClock(Instant now) throws Exception {
        DeckTaskRunsConsumer consumer = (DeckTaskRunsConsumer) context.getRoute("runs").getConsumer();
        consumer.setClock(Clock.fixed(now, ZoneOffset.UTC));
        context.getRouteController().startRoute("runs");
    }
}
