package io.github.cameldeck.events;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.webhook.StandardWebhookVerifier;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook side of deck:events, with deliveries signed by the test: what is accepted, rejected, dropped and queued.
 */
class EventsConsumerWebhookTest extends EventsConsumerTestSupport {

    private final CountDownLatch slowRouteGate = new CountDownLatch(1);
    private final List<String> slowRouteSeen = new ArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:events?webhookSecret=RAW(" + SECRET + ")&types=task_run.completed,task_run.running"
                        + "&catchUpInterval=0")
                        .routeId("events")
                        .to("mock:events");
                from("deck:events?webhookPath=/slow&webhookSecret=RAW(" + SECRET
                        + ")&catchUpInterval=0&types=task_run.completed"
                        + "&concurrentConsumers=1&maxPendingEvents=1")
                        .routeId("slow")
                        .process(e -> {
                            synchronized (slowRouteSeen) {
                                slowRouteSeen.add(e.getMessage().getHeader(DeckConstants.EVENT_ID, String.class));
                            }
                            slowRouteGate.await(30, TimeUnit.SECONDS);
                        });
            }
        };
    }

    @Test
    void routesAVerifiedDeliveryAsATypedEvent() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);

        HttpResponse<String> response = deliver("/deck/events", "evt_01A",
                taskRunEvent("evt_01A", "task_run.completed", "trun_01A", "completed"), SECRET);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("webhook-signature")).isEmpty();
        mock.assertIsSatisfied();
        Exchange exchange = mock.getReceivedExchanges().get(0);
        DeckEvent event = exchange.getMessage().getBody(DeckEvent.class);
        assertThat(event.getId()).isEqualTo("evt_01A");
        assertThat(event.getType()).isEqualTo("task_run.completed");
        assertThat(event.getCreatedAt()).isNotNull();
        assertThat(exchange.getMessage().getHeader(DeckConstants.EVENT_ID)).isEqualTo("evt_01A");
        assertThat(exchange.getMessage().getHeader(DeckConstants.EVENT_TYPE)).isEqualTo("task_run.completed");
        assertThat(exchange.getMessage().getHeader(DeckConstants.EVENT_SOURCE)).isEqualTo("webhook");
        assertThat(exchange.getMessage().getHeader(DeckConstants.RUN_ID)).isEqualTo("trun_01A");
        assertThat(exchange.getMessage().getHeader(DeckConstants.RUN_STATUS)).isEqualTo("completed");
        TaskRun run = exchange.getMessage().getBody(TaskRun.class);
        assertThat(run.getId()).isEqualTo("trun_01A");
        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        // the request's headers are not echoed in the exchange that is routed
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey("webhook-signature");
    }

    @Test
    void rejectsBadSignaturesWith401BeforeRouting() throws Exception {
        String body = taskRunEvent("evt_01B", "task_run.completed", "trun_01B", "completed");
        long now = System.currentTimeMillis() / 1000;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        // wrong secret
        assertThat(deliver("/deck/events", "evt_01B", body, OTHER_SECRET).statusCode()).isEqualTo(401);
        // tampered body
        String signature = StandardWebhookVerifier.sign(SECRET, "evt_01B", now, bytes);
        assertThat(
                deliver("/deck/events", "evt_01B", now, body.replace("trun_01B", "trun_01X"), signature).statusCode())
                .isEqualTo(401);
        // stale timestamp, correctly signed
        long stale = now - 600;
        assertThat(deliver("/deck/events", "evt_01B", stale, body,
                StandardWebhookVerifier.sign(SECRET, "evt_01B", stale, bytes)).statusCode()).isEqualTo(401);
        // no signature at all
        HttpResponse<String> unsigned = deliver("/deck/events", "evt_01B", now, body, null);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).isEqualTo("Invalid webhook signature");

        // the same event, properly signed, still goes through: the rejected ones were not recorded
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);
        assertThat(deliver("/deck/events", "evt_01B", body, SECRET).statusCode()).isEqualTo(202);
        mock.assertIsSatisfied();
        assertThat(mock.getReceivedExchanges().get(0).getMessage().getHeader(DeckConstants.RUN_ID))
                .isEqualTo("trun_01B");
    }

    @Test
    void emitsADuplicatedDeliveryOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);
        String body = taskRunEvent("evt_01C", "task_run.completed", "trun_01C", "completed");

        assertThat(deliver("/deck/events", "evt_01C", body, SECRET).statusCode()).isEqualTo(202);
        mock.assertIsSatisfied();
        assertThat(deliver("/deck/events", "evt_01C", body, SECRET).statusCode()).isEqualTo(200);
        assertThat(deliver("/deck/events", "evt_01C", body, SECRET).statusCode()).isEqualTo(200);

        // an event after them is routed, and nothing more of evt_01C
        mock.reset();
        mock.expectedHeaderValuesReceivedInAnyOrder(DeckConstants.EVENT_ID, "evt_01D");
        deliver("/deck/events", "evt_01D", taskRunEvent("evt_01D", "task_run.completed", "trun_01D", "completed"),
                SECRET);
        mock.assertIsSatisfied();
    }

    @Test
    void emitsEventsThatArriveOutOfOrder() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedBodiesReceivedInAnyOrder();
        mock.expectedHeaderValuesReceivedInAnyOrder(DeckConstants.EVENT_TYPE, "task_run.completed", "task_run.running");

        deliver("/deck/events", "evt_02B", taskRunEvent("evt_02B", "task_run.completed", "trun_02", "completed"),
                SECRET);
        deliver("/deck/events", "evt_02A", taskRunEvent("evt_02A", "task_run.running", "trun_02", "running"), SECRET);

        mock.assertIsSatisfied();
    }

    @Test
    void acknowledgesAndDropsTypesNotWatched() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(0);
        String credentialEvent = """
                {"id":"evt_03","object":"event","type":"credential.verified","data":{"id":"cred_01","object":"credential",\
                "status":"verified"},"created_at":"2026-03-10T14:08:12Z"}""";

        assertThat(deliver("/deck/events", "evt_03", credentialEvent, SECRET).statusCode()).isEqualTo(200);
        mock.setAssertPeriod(300);
        mock.assertIsSatisfied();
    }

    @Test
    void answers400ForASignedBodyThatIsNotAnEvent() throws Exception {
        assertThat(deliver("/deck/events", "evt_04", "not json", SECRET).statusCode()).isEqualTo(400);
        assertThat(deliver("/deck/events", "evt_04", "{\"id\":\"evt_04\"}", SECRET).statusCode()).isEqualTo(400);
    }

    @Test
    void answersWithoutWaitingForTheRouteAnd503WhenTheQueueIsFull() throws Exception {
        try {
            // the first is taken by the routing thread, which blocks; the second waits in the queue of one
            assertThat(
                    deliver("/slow", "evt_05A", taskRunEvent("evt_05A", "task_run.completed", "trun_05A", "completed"),
                            SECRET).statusCode())
                    .isEqualTo(202);
            await().atMost(5, TimeUnit.SECONDS).until(() -> {
                synchronized (slowRouteSeen) {
                    return slowRouteSeen.contains("evt_05A");
                }
            });
            assertThat(
                    deliver("/slow", "evt_05B", taskRunEvent("evt_05B", "task_run.completed", "trun_05B", "completed"),
                            SECRET).statusCode())
                    .isEqualTo(202);
            HttpResponse<String> busy = deliver("/slow", "evt_05C",
                    taskRunEvent("evt_05C", "task_run.completed", "trun_05C", "completed"), SECRET);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("5");
        } finally {
            slowRouteGate.countDown();
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> {
            synchronized (slowRouteSeen) {
                return slowRouteSeen.size() == 2;
            }
        });
        // refused, so not recorded: Deck's retry is accepted
        assertThat(deliver("/slow", "evt_05C", taskRunEvent("evt_05C", "task_run.completed", "trun_05C", "completed"),
                SECRET).statusCode()).isEqualTo(202);
        await().atMost(5, TimeUnit.SECONDS).until(() -> {
            synchronized (slowRouteSeen) {
                return slowRouteSeen.contains("evt_05C");
            }
        });
    }
}
