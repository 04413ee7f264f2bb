package io.github.cameldeck.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without an offsetRepository, the first catch-up reads the event log from the consumer's clock less lookback.
 */
class EventsConsumerClockTest extends EventsConsumerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&types=task_run.completed&lookback=1h"
                        + "&catchUpInterval=0")
                        .routeId("events").autoStartup(false)
                        .to("mock:events");
            }
        };
    }

    @Test
    void theFirstCatchUpStartsAtTheClockLessLookback() throws Exception {
        String runId = sim().startRun(quickTask().id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(runId).status()));
        MockEndpoint mock = getMockEndpoint("mock:events");

        Instant ahead = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        long before = sim().stats().totalRequests();
        startOnClock(ahead);
        await().atMost(10, TimeUnit.SECONDS).until(() -> sim().stats().totalRequests() > before);
        await().atMost(10, TimeUnit.SECONDS).until(() -> eventsConsumer().getLastCatchUpFailure() == null
                && ahead.minus(Duration.ofHours(1)).equals(eventsConsumer().getCatchUpPosition()));
        assertThat(mock.getReceivedCounter()).as("completed 2 h before the consumer's now, beyond lookback=1h")
                .isZero();

        context.getRouteController().stopRoute("events");
        startOnClock(Instant.now());
        mock.expectedHeaderReceived(DeckConstants.RUN_ID, runId);
        mock.assertIsSatisfied();
    }

    private DeckEventsConsumer eventsConsumer() {
        return (DeckEventsConsumer) context.getRoute("events").getConsumer();
    }

    private void startOnClock(Instant now) throws Exception {
        eventsConsumer().setClock(Clock.fixed(now, ZoneOffset.UTC));
        context.getRouteController().startRoute("events");
    }
}
