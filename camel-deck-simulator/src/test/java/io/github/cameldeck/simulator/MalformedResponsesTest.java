package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;

import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedResponsesTest {

    DeckSimulator sim;
    TestClient client;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
        sim.createAgent("a");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void spoilsAnswersEachWayInTurn() {
        sim.faults().malformedResponses(1.0).onlyFor("GET /v2/agents");

        Reply truncated = client.get("/agents");
        Reply html = client.get("/agents");
        Reply plain = client.get("/agents");
        Reply empty = client.get("/agents");
        Reply unknown = client.get("/agents");

        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.json()).as("not parseable").isNull();
        assertThat(truncated.body()).startsWith("{");
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("502 Bad Gateway");
        assertThat(plain.header("Content-Type")).startsWith("text/plain");
        assertThat(plain.json().get("data")).isNotNull();
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(unknown.json().get("x_added_later")).isNotNull();
        assertThat(unknown.json().get("data").get(0).get("priority_class").asText()).isEqualTo("expedited");
        assertThat(sim.stats().faultsInjected()).isEqualTo(5);

        sim.faults().reset();
        assertThat(client.get("/agents").json().get("x_added_later")).isNull();
    }
}
