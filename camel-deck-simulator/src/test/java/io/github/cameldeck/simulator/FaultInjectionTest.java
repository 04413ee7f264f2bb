package io.github.cameldeck.simulator;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    DeckSimulator sim;
    TestClient client;
    Task task;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        sim.faults().seed(42);
        client = TestClient.of(sim);
        task = sim.createTask(sim.createAgent("a").id(), "t", Scenario.hangs());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private HttpRequest runRequest(String idempotencyKey) {
        HttpRequest.Builder b = client.request("/tasks/" + task.id() + "/run")
                .POST(TestClient.bodyOf(Map.of("input", Map.of("x", 1))));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    @Test
    void serverErrorFractionIsRespectedAndSpreadOver500502503() {
        sim.faults().serverErrors(0.3);
        int calls = 600;
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            Reply r = client.get("/test");
            byStatus.merge(r.status(), 1, Integer::sum);
            if (r.status() >= 500) {
                assertThat(r.errorType()).isEqualTo("api");
                assertThat(r.errorCode()).isEqualTo("api_error");
                assertThat(r.header("X-Request-Id")).isEqualTo(r.json().get("request_id").asText());
            }
        }
        int errors = calls - byStatus.getOrDefault(200, 0);
        assertThat(errors).isBetween(140, 220); // expected 180
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder(200, 500, 502, 503);
        assertThat(byStatus.get(500) - byStatus.get(503)).isBetween(-1, 1);
        assertThat(sim.stats().faultsInjected()).isEqualTo(errors);
    }

    @Test
    void droppedBeforeProcessingIsAnIOExceptionAndNothingHappens() {
        sim.faults().dropBeforeProcessing(1.0).onlyFor("POST /v2/tasks/{id}/run");
        assertThatThrownBy(() -> client.sendRaw(runRequest(null))).isInstanceOf(IOException.class);
        assertThat(sim.runCount()).isZero();
        assertThat(client.get("/test").status()).isEqualTo(200); // other routes unaffected
        assertThat(sim.stats().faultsInjected()).isEqualTo(1);
    }

    @Test
    void droppedAfterProcessingExecutesAndIdempotencyKeyRecovers() throws Exception {
        sim.faults().dropAfterProcessing(1.0).onlyFor("POST /v2/tasks");
        assertThatThrownBy(() -> client.sendRaw(runRequest(null))).isInstanceOf(IOException.class);
        assertThat(sim.runCount()).isEqualTo(1);

        assertThatThrownBy(() -> client.sendRaw(runRequest("retry-me"))).isInstanceOf(IOException.class);
        assertThat(sim.runCount()).isEqualTo(2);
        String createdId = sim.taskRuns().get(0).id();
        sim.faults().reset();
        Reply retried = client.sendRaw(runRequest("retry-me"));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("id").asText()).isEqualTo(createdId);
        assertThat(sim.runCount()).isEqualTo(2);
    }

    @Test
    void slowResponsesAreDelayed() {
        sim.faults().slowResponses(1.0, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(client.get("/test").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        sim.faults().slowResponses(0, Duration.ZERO);
        long fast = System.nanoTime();
        client.get("/test");
        assertThat(Duration.ofNanos(System.nanoTime() - fast)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void onlyForLimitsFaultsToMatchingRoutes() {
        sim.faults().serverErrors(1.0).onlyFor("POST /v2/tasks");
        assertThat(client.get("/test").status()).isEqualTo(200);
        assertThat(client.get("/task-runs").status()).isEqualTo(200);
        assertThat(client.post("/tasks/" + task.id() + "/run", Map.of()).status()).isGreaterThanOrEqualTo(500);
        assertThat(sim.runCount()).isZero();
    }

    @Test
    void pageShiftCreatesRunsWhileKeysetPagingStaysExact() {
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            original.add(0, sim.startRun(task.id(), null).id());
        }
        sim.faults().pageShift(5);
        List<String> seen = new ArrayList<>();
        for (JsonNode n : client.listAll("/task-runs?limit=10")) {
            seen.add(n.get("id").asText());
        }
        assertThat(seen).containsExactlyElementsOf(original); // new runs are newer than the cursor: never seen
        assertThat(sim.runCount()).isEqualTo(30 + 2 * 5); // two continuation pages
        assertThat(client.get("/task-runs?limit=100").json().get("data")).hasSize(40);
    }

    @Test
    void offsetCursorsRepeatItemsWhenRunsArrive() {
        for (int i = 0; i < 30; i++) {
            sim.startRun(task.id(), null);
        }
        sim.faults().offsetCursors(true).pageShift(3);
        List<String> seen = new ArrayList<>();
        for (JsonNode n : client.listAll("/task-runs?limit=10")) {
            seen.add(n.get("id").asText());
        }
        Set<String> unique = new HashSet<>(seen);
        // pages at offsets 0, 10, 20, 30 while 3 runs arrive before each continuation page:
        // every later page starts 3 items earlier than it should, so 9 items are served twice
        assertThat(seen).hasSize(39);
        assertThat(unique).hasSize(30);
        assertThat(sim.runCount()).isEqualTo(39);
    }

    @Test
    void pageShiftAlsoHitsEventPaging() {
        for (int i = 0; i < 12; i++) {
            sim.startRun(task.id(), null);
        }
        sim.faults().pageShift(2);
        List<JsonNode> events = client.listAll("/events?type=task_run.queued&limit=5");
        assertThat(events).hasSize(12);
        assertThat(sim.runCount()).isEqualTo(12 + 2 * 2);
    }

    @Test
    void offsetCursorsWithoutArrivalsStillPageCorrectly() {
        for (int i = 0; i < 25; i++) {
            sim.startRun(task.id(), null);
        }
        sim.faults().offsetCursors(true);
        List<JsonNode> all = client.listAll("/task-runs?limit=10");
        assertThat(all).hasSize(25);
        assertThat(all.stream().map(n -> n.get("id").asText()).distinct()).hasSize(25);
    }
}
