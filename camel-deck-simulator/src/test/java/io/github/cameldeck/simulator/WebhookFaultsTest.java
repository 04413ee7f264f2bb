package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.cameldeck.simulator.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookFaultsTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    DeckSimulator sim;
    WebhookReceiver receiver;
    EventDestinationInfo destination;

    @BeforeEach
    void start() {
        sim = simulator();
        receiver = WebhookReceiver.start();
        destination = sim.createWebhookDestination(receiver.url(), List.of("agent.created"));
    }

    private static DeckSimulator simulator() {
        DeckSimulator simulator = DeckSimulator.builder()
                .clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z"))).rateLimit(0, Duration.ZERO)
                .webhookBackoff(Duration.ofMillis(10)).build().start();
        simulator.faults().seed(42);
        return simulator;
    }

    @AfterEach
    void stop() {
        sim.stop();
        receiver.close();
    }

    @Test
    void duplicatesRepeatTheIdAndBodyWithAFreshValidSignature() {
        sim.faults().duplicateWebhooks(1.0);
        sim.createAgent("b");
        sim.awaitWebhooksIdle(WAIT);
        List<Received> got = receiver.received();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).webhookId()).isEqualTo(got.get(0).webhookId());
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        String secret = sim.webhookSecret(destination.id());
        assertThat(got).allSatisfy(r -> assertThat(WebhookReceiver.verifies(r, secret)).isTrue());
        assertThat(sim.webhookDeliveries(destination.id())).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(sim.stats().webhookAttempts()).isEqualTo(2);
        assertThat(sim.stats().webhookFaultsInjected()).isEqualTo(1);
    }

    @Test
    void delaysMakeDeliveriesArriveOutOfOrder() {
        sim.faults().delayWebhooks(1.0, Duration.ofMillis(300));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add("agent-" + i);
            sim.createAgent("agent-" + i);
        }
        sim.awaitWebhooksIdle(WAIT);
        List<String> arrived = new ArrayList<>();
        receiver.received().forEach(r -> arrived.add(r.json().get("data").get("name").asText()));
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(names);
        assertThat(arrived).isNotEqualTo(names);
        assertThat(sim.webhookDeliveries(destination.id())).hasSize(20)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo("success"));
    }

    @Test
    void droppedEventsAreNeverDeliveredButStayInTheLog() {
        sim.faults().dropWebhooks(1.0);
        sim.createAgent("b");
        sim.awaitWebhooksIdle(WAIT);
        assertThat(receiver.received()).isEmpty();
        assertThat(sim.webhookDeliveries(destination.id())).isEmpty();
        assertThat(sim.events()).extracting(SimulatorEvent::type).contains("agent.created");
        assertThat(sim.stats().webhookFaultsInjected()).isEqualTo(1);

        sim.faults().reset();
        sim.createAgent("c");
        sim.awaitWebhooksIdle(WAIT);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void corruptedSignaturesDoNotVerifyAndAreRetried() {
        sim.faults().corruptWebhookSignatures(1.0);
        String secret = sim.webhookSecret(destination.id());
        receiver.respondWith((r, i) -> WebhookReceiver.verifies(r, secret) ? 204 : 401);
        sim.createAgent("b");
        sim.awaitWebhooksIdle(WAIT);
        List<Received> got = receiver.received();
        assertThat(got).hasSize(4).allSatisfy(r -> {
            assertThat(r.header("webhook-signature")).startsWith("v1,");
            assertThat(WebhookReceiver.verifies(r, secret)).isFalse();
        });
        assertThat(sim.webhookDeliveries(destination.id()).get(0).status()).isEqualTo("failure");
        assertThat(sim.eventDestination(destination.id()).status()).isEqualTo("inactive");
    }

    @Test
    void aSeedMakesTheWebhookFaultsReproducible() throws Exception {
        List<String> first = deliveredNames(sim, receiver);
        try (WebhookReceiver other = WebhookReceiver.start()) {
            DeckSimulator second = simulator();
            try {
                second.createWebhookDestination(other.url(), List.of("agent.created"));
                assertThat(deliveredNames(second, other)).isEqualTo(first);
            } finally {
                second.stop();
            }
        }
        assertThat(first.size()).isBetween(5, 25);
    }

    private static List<String> deliveredNames(DeckSimulator simulator, WebhookReceiver receiver) {
        simulator.faults().dropWebhooks(0.5);
        for (int i = 0; i < 30; i++) {
            simulator.createAgent("agent-" + i);
        }
        simulator.awaitWebhooksIdle(WAIT);
        List<String> names = new ArrayList<>();
        receiver.received().forEach(r -> names.add(r.json().get("data").get("name").asText()));
        names.sort(null);
        return names;
    }

    @Test
    void resetTurnsWebhookFaultsOff() {
        sim.faults().duplicateWebhooks(0.5).delayWebhooks(0.5, Duration.ofSeconds(1)).dropWebhooks(0.5)
                .corruptWebhookSignatures(0.5);
        sim.reset();
        assertThat(sim.faults().duplicateWebhookRate()).isZero();
        assertThat(sim.faults().delayWebhookRate()).isZero();
        assertThat(sim.faults().webhookMaxDelay()).isZero();
        assertThat(sim.faults().dropWebhookRate()).isZero();
        assertThat(sim.faults().corruptWebhookSignatureRate()).isZero();
    }
}
