package io.github.cameldeck.events;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.webhook.StandardWebhookVerifier;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * This host's clock ahead of or behind Deck's by up to 10 minutes, beyond the 5-minute signature tolerance: a delivery
 * Deck signs now is taken (its age measured on Deck's time), a stale one still refused, and what happened before the
 * start is caught up once. Deck's clock is the simulator's (the wall clock, which its Date header tells); the
 * consumer's clock is moved.
 */
class EventsConsumerClockSkewTest extends EventsConsumerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&types=task_run.completed&catchUpInterval=0")
                        .routeId("events").autoStartup(false)
                        .to("mock:events");
            }
        };
    }

    @ParameterizedTest(name = "host clock {0} min from Deck's")
    @ValueSource(ints = {10, -10})
    void decksDeliveriesAreTakenAndStaleOnesRefused(int skewMinutes) throws Exception {
        String before = sim().startRun(quickTask().id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(before).status()));
        DeckEventsConsumer consumer = (DeckEventsConsumer) context.getRoute("events").getConsumer();
        consumer.setClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(skewMinutes)));
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(2);

        context.getRouteController().startRoute("events");
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.getCatchUpPosition() != null
                && consumer.getLastCatchUpFailure() == null && mock.getReceivedCounter() == 1);
        String body = "{\"id\":\"evt_skew_" + (skewMinutes + 100) + "\",\"object\":\"event\",\"type\":"
                + "\"task_run.completed\",\"created_at\":\"" + Instant.now() + "\",\"data\":{\"id\":"
                + "\"trun_skew\",\"object\":\"task_run\",\"status\":\"completed\"}}";
        HttpResponse<String> fresh = deliver("/deck/events", "evt_skew_" + (skewMinutes + 100), body, SECRET);
        long sixMinutesAgo = System.currentTimeMillis() / 1000 - 6 * 60;
        HttpResponse<String> stale = deliver("/deck/events", "evt_stale", sixMinutesAgo, body,
                StandardWebhookVerifier.sign(SECRET, "evt_stale", sixMinutesAgo,
                        body.getBytes(StandardCharsets.UTF_8)));

        assertThat(fresh.statusCode()).as("a delivery Deck signed now").isEqualTo(202);
        assertThat(stale.statusCode()).as("a delivery signed 6 minutes ago by Deck's clock").isEqualTo(401);
        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges().get(0).getIn().getHeader(DeckConstants.RUN_ID)).isEqualTo(before);
    }
}
