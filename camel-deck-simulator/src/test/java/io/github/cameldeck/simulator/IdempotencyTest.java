package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest {

    DeckSimulator sim;
    TestClient client;
    Task task;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
        task = sim.createTask(sim.createAgent("a").id(), "t");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private Reply run(String key, Object body) {
        return client.post("/tasks/" + task.id() + "/run", body, Map.of("Idempotency-Key", key));
    }

    @Test
    void replayReturnsTheSameRunWithoutCreatingAnother() {
        Reply first = run("key-1", Map.of("input", Map.of("a", 1, "b", 2)));
        sim.advance(Duration.ofSeconds(5)); // the run moves on; the replay is the cached response
        Reply replay = run("key-1", "{ \"input\" : { \"b\": 2, \"a\": 1 } }"); // same JSON, other bytes
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.json().get("status").asText()).isEqualTo("queued");
        assertThat(sim.runCount()).isEqualTo(1);
        assertThat(sim.stats().idempotentReplays()).isEqualTo(1);
    }

    @Test
    void sameKeyWithDifferentParametersIs409() {
        run("key-2", Map.of("input", Map.of("a", 1)));
        Reply otherBody = run("key-2", Map.of("input", Map.of("a", 2)));
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.errorType()).isEqualTo("idempotency");
        assertThat(otherBody.errorCode()).isEqualTo("idempotency_error");
        assertThat(TestClient.keys(otherBody.json().get("errors").get(0)))
                .isEqualTo(TestClient.keys(Examples.load("error_idempotency_409.json").get("errors").get(0)));
        Reply otherPath = client.post("/agents", Map.of("input", Map.of("a", 1)), Map.of("Idempotency-Key", "key-2"));
        assertThat(otherPath.status()).isEqualTo(409);
        assertThat(sim.runCount()).isEqualTo(1);
    }

    @Test
    void patchAndDeleteReplayTheCachedAnswer() {
        Agent agent = sim.createAgent("before");
        Map<String, String> key = Map.of("Idempotency-Key", "patch-1");
        Reply first = client.method("PATCH", "/agents/" + agent.id(), Map.of("name", "after"), key);
        assertThat(first.status()).isEqualTo(200);
        sim.advance(Duration.ofSeconds(5));
        sim.createAgent("unrelated");
        Reply replay = client.method("PATCH", "/agents/" + agent.id(), "{ \"name\" : \"after\" }", key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(client.get("/events?type=agent.updated").json().get("data")).hasSize(1);
        Reply other = client.method("PATCH", "/agents/" + agent.id(), Map.of("name", "other"), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.errorCode()).isEqualTo("idempotency_error");
        assertThat(sim.agent(agent.id()).name()).isEqualTo("after");

        Map<String, String> deleteKey = Map.of("Idempotency-Key", "delete-1");
        Reply deleted = client.method("DELETE", "/tasks/" + task.id(), null, deleteKey);
        assertThat(deleted.status()).isEqualTo(200);
        Reply deletedAgain = client.method("DELETE", "/tasks/" + task.id(), null, deleteKey);
        assertThat(deletedAgain.body()).isEqualTo(deleted.body()); // without the key it would be 404
        assertThat(client.get("/events?type=task.deleted").json().get("data")).hasSize(1);
        assertThat(sim.stats().idempotentReplays()).isEqualTo(2);
    }

    @Test
    void tooLongKeyIs400() {
        Reply r = run("k".repeat(257), Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("idempotency");
        assertThat(r.errorCode()).isEqualTo("idempotency_key_error");
        assertThat(run("k".repeat(256), Map.of()).status()).isEqualTo(201);
        assertThat(sim.runCount()).isEqualTo(1);
    }

    @Test
    void errorsAreNotCached() {
        Reply failed = client.post("/tasks/task_missing/run", Map.of(), Map.of("Idempotency-Key", "key-3"));
        assertThat(failed.status()).isEqualTo(404);
        Reply again = client.post("/tasks/task_missing/run", Map.of(), Map.of("Idempotency-Key", "key-3"));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("request_id").asText()).isNotEqualTo(failed.json().get("request_id").asText());
        // after an error the key is free for a different request
        assertThat(run("key-3", Map.of()).status()).isEqualTo(201);
        assertThat(sim.stats().idempotentReplays()).isZero();
    }

    @Test
    void keysExpireAfter24Hours() {
        run("key-4", Map.of());
        sim.advance(Duration.ofHours(24));
        assertThat(run("key-4", Map.of()).status()).isEqualTo(201);
        assertThat(sim.runCount()).isEqualTo(2);
    }

    @Test
    void getIgnoresTheHeader() {
        Reply r = client.send(client.request("/task-runs").header("Idempotency-Key", "x".repeat(300)).GET().build());
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateOneRun() throws Exception {
        sim.faults().slowResponses(1.0, Duration.ofMillis(50)).onlyFor("POST /v2/tasks");
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Reply> call = () -> {
                    go.await();
                    return run("same-key", Map.of("input", Map.of("x", 1)));
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Reply> f : futures) {
                Reply r = f.get();
                assertThat(r.status()).isEqualTo(201);
                ids.add(r.json().get("id").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(sim.runCount()).isEqualTo(1);
            assertThat(sim.stats().idempotentReplays()).isEqualTo(threads - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
