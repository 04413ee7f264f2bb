package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limit (real time) and session limit. */
class LimitsTest {

    DeckSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    @Test
    void rateLimitGives429WithoutRetryAfterAndRecovers() throws InterruptedException {
        sim = DeckSimulator.builder().rateLimit(5, Duration.ofMillis(400)).build().start();
        TestClient client = TestClient.of(sim);
        for (int i = 0; i < 4; i++) {
            assertThat(client.get("/test").status()).isEqualTo(200);
        }
        assertThat(client.withKey("wrong").get("/test").status()).isEqualTo(401); // counts too
        Reply limited = client.get("/test");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorType()).isEqualTo("rate_limit");
        assertThat(limited.errorCode()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.json().get("errors").get(0).get("message").asText()).isEqualTo("Too many requests.");
        assertThat(limited.json()).isNotNull();
        assertThat(TestClient.keys(limited.json()))
                .isEqualTo(TestClient.keys(Examples.load("error_rate_limit_429.json")));
        assertThat(limited.header("Retry-After")).isNull();
        assertThat(sim.stats().rateLimited()).isEqualTo(1);

        sim.faults().retryAfterSeconds(1);
        assertThat(client.get("/test").header("Retry-After")).isEqualTo("1");

        Thread.sleep(450);
        assertThat(client.get("/test").status()).isEqualTo(200);
    }

    @Test
    void rateLimitZeroDisables() {
        sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start();
        TestClient client = TestClient.of(sim);
        for (int i = 0; i < 300; i++) {
            assertThat(client.get("/test").status()).isEqualTo(200);
        }
    }

    @Test
    void sessionLimitCountsUnfinishedRuns() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .sessionLimit(2).build().start();
        TestClient client = TestClient.of(sim);
        Task task = sim.createTask(sim.createAgent("a").id(), "t", Scenario.completesAfter(Duration.ofSeconds(5)));
        assertThat(client.post("/tasks/" + task.id() + "/run", Map.of()).status()).isEqualTo(201);
        assertThat(client.post("/tasks/" + task.id() + "/run", Map.of()).status()).isEqualTo(201);
        Reply third = client.post("/tasks/" + task.id() + "/run", Map.of());
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorType()).isEqualTo("rate_limit");
        assertThat(third.errorCode()).isEqualTo("session_limit_exceeded");
        assertThat(TestClient.keys(third.json()))
                .isEqualTo(TestClient.keys(Examples.load("error_session_limit_429.json")));
        sim.advance(Duration.ofSeconds(1));
        assertThat(client.post("/tasks/" + task.id() + "/run", Map.of()).status()).isEqualTo(429);
        sim.advance(Duration.ofSeconds(5)); // both finished
        assertThat(client.post("/tasks/" + task.id() + "/run", Map.of()).status()).isEqualTo(201);
        assertThat(sim.runCount()).isEqualTo(3);
    }
}
