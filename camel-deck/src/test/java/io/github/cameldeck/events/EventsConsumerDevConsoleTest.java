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

/** An events consumer's position in the deck dev console: catch-up, watermark, queued, routed and failed events. */
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
        // the mock has the event before its exchange completes
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.position().routing() == 0);

        Map<String, Object> json = consumerOf(DeckConsoles.json(context), "events");
        assertThat(json).containsEntry("kind", "events").containsEntry("started", true);
        assertThat((String) json.get("uri")).startsWith("deck://events?").contains("webhookSecret=xxxxxx");
        assertThat(map(json, "position")).containsEntry("catchUpDone", true).containsEntry("backlog", 0)
                .containsEntry("routing", 0).containsEntry("retriesPending", 0).doesNotContainKey("lastFailure");
        assertThat(map(json, "position").get("watermark")).isNotNull();
        assertThat(map(json, "position").get("lastCatchUp")).isNotNull();
        assertThat(DeckConsoles.text(context)).contains("Consumer events (deck://events?").contains("catchUpDone: true")
                .contains("retriesPending: 0");
        assertThat(DeckConsoles.everything(context)).doesNotContain(SECRET.substring("whsec_".length()));
    }

    @Test
    void showsAFailedEventAsPendingForTheNextCatchUp() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&catchUpInterval=0&types=task_run.completed")
                        .routeId("refusing").throwException(new IllegalStateException("refused by the test"));
            }
        });
        DeckEventsConsumer consumer = (DeckEventsConsumer) context.getRoute("refusing").getConsumer();
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.position().catchUpDone());
        deliver("/deck/events", "evt_F1", taskRunEvent("evt_F1", "task_run.completed", "trun_F1", "completed"),
                SECRET);
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.position().retriesPending() == 1);

        Map<String, Object> json = consumerOf(DeckConsoles.json(context), "refusing");
        assertThat(map(json, "position")).containsEntry("retriesPending", 1).containsEntry("routing", 0);
        assertThat(DeckConsoles.text(context)).contains("retriesPending: 1");
    }
}
