package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import io.github.cameldeck.simulator.WebhookReceiver.Received;
import io.github.cameldeck.simulator.core.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDeliveryTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    DeckSimulator sim;
    TestClient client;
    WebhookReceiver receiver;
    Task task;

    @BeforeEach
    void start() {
        sim = simulator(Duration.ofSeconds(2));
        client = TestClient.of(sim);
        receiver = WebhookReceiver.start();
        task = sim.createTask(sim.createAgent("a").id(), "t");
    }

    private static DeckSimulator simulator(Duration timeout) {
        return DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .rateLimit(0, Duration.ZERO).webhookTimeout(timeout).webhookBackoff(Duration.ofMillis(20)).build()
                .start();
    }

    @AfterEach
    void stop() {
        sim.stop();
        receiver.close();
    }

    private String completedRun() {
        String runId = sim.startRun(task.id(), Map.of("x", 1)).id();
        sim.advance(Duration.ofSeconds(5));
        sim.awaitWebhooksIdle(WAIT);
        return runId;
    }

    @Test
    void aCompletedRunIsDeliveredToAllSubscribersSignedAndRecorded() throws Exception {
        try (WebhookReceiver filtered = WebhookReceiver.start()) {
            // every run event (with "*" the task's move to test, task.updated, would come too)
            EventDestinationInfo all = sim.createWebhookDestination(receiver.url(), List.of("task_run.*"));
            EventDestinationInfo completedOnly = sim.createWebhookDestination(filtered.url(),
                    List.of("task_run.completed"));
            long before = System.currentTimeMillis() / 1000;
            String runId = completedRun();
            long after = System.currentTimeMillis() / 1000;

            List<Received> got = receiver.received();
            assertThat(got).extracting(Received::type).containsExactlyInAnyOrder("task_run.queued",
                    "task_run.running", "task_run.completed");
            assertThat(filtered.received()).extracting(Received::type).containsExactly("task_run.completed");
            String secret = sim.webhookSecret(all.id());
            for (Received r : got) {
                assertThat(r.header("content-type")).isEqualTo("application/json");
                assertThat(r.webhookId()).isEqualTo(r.json().get("id").asText()).startsWith("evt_");
                assertThat(Long.parseLong(r.header("webhook-timestamp"))).isBetween(before, after);
                assertThat(r.signatures()).hasSize(1);
                assertThat(WebhookReceiver.verifies(r, secret)).isTrue();
                assertThat(WebhookReceiver.verifies(r, sim.webhookSecret(completedOnly.id()))).isFalse();
                assertThat(r.json().get("data").get("id").asText()).isEqualTo(runId);
                ObjectNode viaApi = (ObjectNode) client.get("/events/" + r.webhookId()).json();
                viaApi.remove("request_id");
                assertThat(r.json()).isEqualTo(viaApi);
                assertThat(TestClient.keys(r.json()))
                        .isEqualTo(TestClient.keys(Examples.load("event_task_run_completed.json")));
            }
            assertThat(WebhookReceiver.verifies(filtered.received().get(0), sim.webhookSecret(completedOnly.id())))
                    .isTrue();

            assertThat(sim.webhookDeliveries(all.id())).hasSize(3).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo("success");
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.deliveredAt()).isNotNull();
            });
            List<JsonNode> deliveries = client.listAll("/event-destinations/" + all.id() + "/event-deliveries");
            assertThat(deliveries).hasSize(3);
            assertThat(deliveries).extracting(d -> d.get("event_type").asText()).containsExactly("task_run.completed",
                    "task_run.running", "task_run.queued");
            JsonNode d = deliveries.get(0);
            assertThat(TestClient.keys(d)).containsExactlyInAnyOrder("object", "status", "event_type", "event_id",
                    "event_destination_id", "attempts", "created_at", "delivered_at");
            assertThat(d.get("object").asText()).isEqualTo("event_delivery");
            assertThat(d.get("status").asText()).isEqualTo("success");
            assertThat(d.get("event_destination_id").asText()).isEqualTo(all.id());
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("created_at").asText()).isEqualTo("2026-03-10T14:05:01Z");
            assertThat(d.get("delivered_at").asText()).isEqualTo("2026-03-10T14:05:05Z");
            String base = "/event-destinations/" + all.id() + "/event-deliveries";
            assertThat(client.listAll(base + "?status=success")).hasSize(3);
            assertThat(client.listAll(base + "?status=failure")).isEmpty();
            assertThat(client.listAll(base + "?type=task_run.completed")).hasSize(1);
            assertThat(client.listAll(base + "?limit=1")).hasSize(3);
            assertThat(sim.stats().webhookAttempts()).isEqualTo(4);
            assertThat(sim.stats().webhookSuccesses()).isEqualTo(4);
            assertThat(sim.stats().webhookFailures()).isZero();
        }
    }

    @Test
    void customHeadersAreSentAndOtherTypesGetNothing() throws Exception {
        Reply created = client.post("/event-destinations", Map.of("name", "h", "events", List.of("agent.created"),
                "webhook", Map.of("url", receiver.url(), "custom_headers", "{\"X-Env\":\"test\",\"X-Count\":3}")));
        assertThat(created.status()).isEqualTo(201);
        client.post("/event-destinations", Map.of("name", "q", "type", "aws_sqs", "events", List.of("*")));
        sim.createAgent("b");
        sim.awaitWebhooksIdle(WAIT);
        Received r = receiver.received().get(0);
        assertThat(r.header("x-env")).isEqualTo("test");
        assertThat(r.header("x-count")).isEqualTo("3");
        assertThat(r.json().get("data").get("name").asText()).isEqualTo("b");
        assertThat(receiver.received()).hasSize(1);
        String sqs = sim.eventDestinations().get(0).id();
        assertThat(sim.webhookDeliveries(sqs)).isEmpty();
    }

    @Test
    void failedAttemptsAreRetriedUntilOneSucceeds() {
        EventDestinationInfo destination = sim.createWebhookDestination(receiver.url(), List.of("agent.created"));
        receiver.respondWith((r, i) -> i < 2 ? 500 : 200);
        sim.createAgent("b");
        sim.awaitWebhooksIdle(WAIT);
        List<Received> got = receiver.received();
        assertThat(got).hasSize(3);
        assertThat(got).extracting(Received::webhookId).containsOnly(got.get(0).webhookId());
        assertThat(got).allSatisfy(r -> {
            assertThat(r.body()).isEqualTo(got.get(0).body());
            assertThat(WebhookReceiver.verifies(r, sim.webhookSecret(destination.id()))).isTrue();
        });
        EventDeliveryInfo delivery = sim.webhookDeliveries(destination.id()).get(0);
        assertThat(delivery.status()).isEqualTo("success");
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(sim.eventDestination(destination.id()).status()).isEqualTo("active");
        assertThat(sim.stats().webhookAttempts()).isEqualTo(3);
        assertThat(sim.stats().webhookFailures()).isEqualTo(2);
        assertThat(sim.stats().webhookSuccesses()).isEqualTo(1);
    }

    @Test
    void whenEveryAttemptFailsTheDestinationIsDeactivated() {
        EventDestinationInfo destination = sim.createWebhookDestination(receiver.url(), List.of("*"));
        receiver.respondWith((r, i) -> 503);
        sim.createAgent("b");
        sim.awaitWebhooksIdle(WAIT);
        assertThat(receiver.received()).hasSize(4);
        EventDeliveryInfo delivery = sim.webhookDeliveries(destination.id()).get(0);
        assertThat(delivery.status()).isEqualTo("failure");
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.deliveredAt()).isNull();
        assertThat(client.get("/event-destinations/" + destination.id()).json().get("status").asText())
                .isEqualTo("inactive");
        SimulatorEvent deactivated = sim.events().get(0);
        assertThat(deactivated.type()).isEqualTo("event_destination.deactivated");
        assertThat(deactivated.data().get("id").asText()).isEqualTo(destination.id());
        JsonNode failure = client.get("/event-destinations/" + destination.id() + "/event-deliveries?status=failure")
                .json().get("data").get(0);
        assertThat(failure.get("delivered_at").isNull()).isTrue();
        assertThat(failure.get("attempts").asInt()).isEqualTo(4);

        sim.createAgent("c"); // inactive: not delivered
        sim.awaitWebhooksIdle(WAIT);
        assertThat(receiver.received()).hasSize(4);

        receiver.respondWith((r, i) -> 200);
        client.method("PATCH", "/event-destinations/" + destination.id(), Map.of("status", "active"));
        sim.awaitWebhooksIdle(WAIT);
        assertThat(receiver.received()).extracting(Received::type).last()
                .isEqualTo("event_destination.activated");
    }

    @Test
    void aReceiverSlowerThanTheTimeoutFails() {
        sim.stop();
        sim = simulator(Duration.ofMillis(500));
        EventDestinationInfo destination = sim.createWebhookDestination(receiver.url(), List.of("agent.created"));
        receiver.respondWith((r, i) -> {
            Thread.sleep(i == 0 ? 1_500 : 0);
            return 200;
        });
        sim.createAgent("b");
        sim.awaitWebhooksIdle(WAIT);
        EventDeliveryInfo delivery = sim.webhookDeliveries(destination.id()).get(0);
        assertThat(delivery.status()).isEqualTo("success");
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(sim.stats().webhookFailures()).isEqualTo(1);
    }

    @Test
    void awaitWebhooksIdleWaitsForRetriesAndTimesOut() {
        sim.stop();
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .webhookBackoff(Duration.ofMillis(150)).build().start();
        EventDestinationInfo destination = sim.createWebhookDestination(receiver.url(), List.of("*"));
        receiver.respondWith((r, i) -> i < 2 ? 500 : 200);
        sim.createAgent("b");
        assertThatThrownBy(() -> sim.awaitWebhooksIdle(Duration.ofMillis(20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pending");
        sim.awaitWebhooksIdle(WAIT);
        assertThat(sim.webhookDeliveries(destination.id())).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(3));
        sim.awaitWebhooksIdle(Duration.ZERO); // idle: returns at once
    }

    @Test
    void afterRotationBothSecretsSignForADayOfSimulatedTime() {
        String oldSecret = EventDestinationEndpointsTest.SECRET;
        EventDestinationInfo destination = sim.createWebhookDestination(receiver.url(), List.of("agent.created"),
                oldSecret);
        String newSecret = sim.rotateWebhookSecret(destination.id(), null);
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(sim.webhookSecret(destination.id())).isEqualTo(newSecret);

        sim.createAgent("b");
        sim.awaitWebhooksIdle(WAIT);
        Received during = receiver.received().get(0);
        assertThat(during.signatures()).hasSize(2);
        String expectedNew = "v1," + WebhookReceiver.sign(newSecret, during.webhookId(),
                during.header("webhook-timestamp"), during.body());
        String expectedOld = "v1," + WebhookReceiver.sign(oldSecret, during.webhookId(),
                during.header("webhook-timestamp"), during.body());
        assertThat(during.header("webhook-signature")).isEqualTo(expectedNew + " " + expectedOld);

        sim.advance(Duration.ofHours(24));
        sim.createAgent("c");
        sim.awaitWebhooksIdle(WAIT);
        Received after = receiver.received().get(1);
        assertThat(after.signatures()).hasSize(1);
        assertThat(WebhookReceiver.verifies(after, newSecret)).isTrue();
        assertThat(WebhookReceiver.verifies(after, oldSecret)).isFalse();

        assertThat(sim.rotateWebhookSecret(destination.id(), oldSecret)).isEqualTo(oldSecret);
        assertThatThrownBy(() -> sim.rotateWebhookSecret(destination.id(), "nope"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> sim.rotateWebhookSecret("evtd_unknown", null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void deletedDestinationsAndResetStopDeliveries() throws Exception {
        EventDestinationInfo destination = sim.createWebhookDestination(receiver.url(), List.of("*"));
        CountDownLatch deleted = new CountDownLatch(1);
        receiver.respondWith((r, i) -> {
            deleted.await();
            return 500;
        });
        sim.createAgent("b");
        receiver.awaitCount(1, WAIT);
        client.method("DELETE", "/event-destinations/" + destination.id(), null);
        deleted.countDown();
        sim.awaitWebhooksIdle(WAIT);
        assertThat(receiver.received()).hasSize(1); // the attempt in flight; no retry after the delete

        EventDestinationInfo kept = sim.createWebhookDestination(receiver.url(), List.of("*"));
        receiver.respondWith((r, i) -> 200);
        sim.createAgent("c");
        sim.awaitWebhooksIdle(WAIT);
        assertThat(sim.webhookDeliveries(kept.id())).hasSize(1);
        sim.reset();
        assertThat(sim.webhookDeliveries(kept.id())).isEmpty();
        assertThat(sim.eventDestinations()).extracting(EventDestinationInfo::id).containsExactly(kept.id());
        assertThat(sim.stats().webhookAttempts()).isZero();
    }

    @Test
    void stopEndsTheDeliveryThreads() {
        sim.createWebhookDestination(receiver.url(), List.of("*"));
        receiver.respondWith((r, i) -> 500);
        sim.createAgent("b");
        sim.stop();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!deliveryThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(deliveryThreads()).isEmpty();
        sim.awaitWebhooksIdle(Duration.ZERO); // stopped: nothing pending
        sim.createAgent("c"); // not delivered while stopped, and no failure
    }

    private static List<String> deliveryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("deck-simulator-webhook")).toList();
    }
}
