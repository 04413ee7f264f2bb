package io.github.cameldeck.events;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConsoles;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.github.cameldeck.DeckConsoles.consumerOf;
import static io.github.cameldeck.DeckConsoles.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An events consumer's position in the deck dev console: catch-up, watermark, queued and open events. */
class EventsConsumerDevConsoleTest extends EventsConsumerTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    @Test
    void showsTheCatchUpAndTheWatermarkOfAnEventsConsumer() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&catchUpInterval=0&types=task_run.completed")
                        .routeId("events").to("mock:events");
            }
        });
        DeckEventsConsumer consumer = (DeckEventsConsumer) context.getRoute("events").getConsumer();
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.position().catchUpDone());
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);
        deliver("/deck/events", "evt_C1", taskRunEvent("evt_C1", "task_run.completed", "trun_C1", "completed"),
                SECRET);
        mock.assertIsSatisfied();

        Map<String, Object> json = consumerOf(DeckConsoles.json(context), "events");
        assertThat(json).containsEntry("kind", "events").containsEntry("started", true);
        assertThat((String) json.get("uri")).startsWith("deck://events?").contains("webhookSecret=xxxxxx");
        assertThat(map(json, "position")).containsEntry("catchUpDone", true).containsEntry("backlog", 0)
                .containsEntry("open", 0).doesNotContainKey("lastFailure");
        assertThat(map(json, "position").get("watermark")).isNotNull();
        assertThat(map(json, "position").get("lastCatchUp")).isNotNull();
        assertThat(DeckConsoles.text(context)).contains("Consumer events (deck://events?").contains("catchUpDone: true")
                .contains("open: 0");
        assertThat(DeckConsoles.everything(context)).doesNotContain(SECRET.substring("whsec_".length()));
    }
}
