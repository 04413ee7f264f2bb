package io.github.cameldeck.events;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckApiException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A failing read of Deck's event log shows in the events consumer's readiness, with Deck's HTTP status. */
class EventsConsumerHealthTest extends EventsConsumerTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableConsumerHealthChecks(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&catchUpInterval=200&maxRetries=0")
                        .routeId("events")
                        .to("mock:events");
            }
        };
    }

    @AfterEach
    void noFaults() {
        sim().faults().reset();
    }

    private Optional<HealthCheck.Result> consumerHealth() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().contains("events")).findFirst();
    }

    @Test
    void goesDownWithDecksStatusWhileTheEventLogCannotBeReadAndUpAgain() {
        await().atMost(5, TimeUnit.SECONDS).until(() -> consumerHealth()
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false));

        sim().faults().serverErrors(1.0);
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumerHealth()
                .map(r -> r.getState() == HealthCheck.State.DOWN).orElse(false));
        HealthCheck.Result down = consumerHealth().orElseThrow();
        assertThat(down.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE)).isIn(500, 502, 503);
        assertThat(down.getError()).containsInstanceOf(DeckApiException.class);
        assertThat(down.getDetails()).containsKey("catchup.position");
        assertThat(down.getMessage()).get().asString().startsWith("Reading Deck's event log failed");

        sim().faults().reset();
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumerHealth()
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
    }
}
