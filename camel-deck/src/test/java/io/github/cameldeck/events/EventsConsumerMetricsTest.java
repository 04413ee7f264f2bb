package io.github.cameldeck.events;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.cameldeck.webhook.StandardWebhookVerifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events consumer's meters: the lag of a routed run event, and the webhook deliveries refused, by reason.
 */
class EventsConsumerMetricsTest extends EventsConsumerTestSupport {

    private SimpleMeterRegistry meters;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meterRegistry", meters);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&types=task_run.completed&catchUpInterval=0")
                        .to("mock:events");
            }
        };
    }

    @Test
    void measuresTheLagOfARoutedRunAndCountsRefusedDeliveriesByReason() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);
        String completed = taskRunEvent("evt_01A", "task_run.completed", "trun_01A", "completed");

        assertThat(deliver("/deck/events", "evt_01A", completed, SECRET).statusCode()).isEqualTo(202);
        assertThat(deliver("/deck/events", "evt_01B", completed, OTHER_SECRET).statusCode()).isEqualTo(401);
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
        HttpResponse<String> stale = deliver("/deck/events", "evt_01C", anHourAgo, completed,
                StandardWebhookVerifier.sign(SECRET, "evt_01C", anHourAgo, completed.getBytes(StandardCharsets.UTF_8)));
        assertThat(stale.statusCode()).isEqualTo(401);
        events.assertIsSatisfied();

        assertThat(meters.get("deck.consumer.lag").tag("consumer", "events").timer().count()).isEqualTo(1);
        assertThat(meters.get("deck.runs.settled").tags("task", "task_01TEST", "outcome", "completed").counter()
                .count()).isEqualTo(1);
        assertThat(refused("signature_mismatch")).isEqualTo(1);
        assertThat(refused("stale_timestamp")).isEqualTo(1);
        assertThat(meters.find("deck.webhooks.refused").counters()).hasSize(2);
    }

    private double refused(String reason) {
        Counter counter = meters.find("deck.webhooks.refused").tag("reason", reason).counter();
        return counter != null ? counter.count() : 0;
    }
}
