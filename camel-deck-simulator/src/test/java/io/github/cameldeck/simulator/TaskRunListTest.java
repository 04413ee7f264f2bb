package io.github.cameldeck.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /v2/task-runs: filters, limits, cursors. */
class TaskRunListTest {

    static final Instant T0 = Instant.parse("2026-03-10T14:00:00Z");

    DeckSimulator sim;
    TestClient client;
    Agent agentA;
    Agent agentB;
    Source sourceA;
    Source sourceB;
    Credential credA;
    Task completes;
    Task fails;
    Task hangs;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(T0)).rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
        agentA = sim.createAgent("A");
        agentB = sim.createAgent("B");
        sourceA = sim.createSource("https://a.example");
        sourceB = sim.createSource("https://b.example");
        credA = sim.createCredential(sourceA.id(), "u", "p");
        completes = sim.createTask(agentA.id(), "Fetch Reservations", Scenario.completesAfter(Duration.ofSeconds(1)));
        fails = sim.createTask(agentA.id(), "Broken site", Scenario.fails());
        hangs = sim.createTask(agentB.id(), "Slow report", Scenario.hangs());
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private String run(Task task, Map<String, Object> body) {
        Reply r = client.post("/tasks/" + task.id() + "/run", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        for (JsonNode n : client.listAll("/task-runs" + query)) {
            ids.add(n.get("id").asText());
        }
        return ids;
    }

    @Test
    void newestFirstWithStatusOutcomeAndReferenceFilters() {
        String ok = run(completes, Map.of("credential_id", credA.id()));
        sim.advance(Duration.ofSeconds(1));
        String bad = run(fails, Map.of("source_id", sourceB.id()));
        sim.advance(Duration.ofSeconds(1));
        String hanging = run(hangs, Map.of());
        sim.advance(Duration.ofSeconds(2));
        String queued = run(completes, Map.of());

        assertThat(ids("")).containsExactly(queued, hanging, bad, ok);
        assertThat(ids("?status=completed")).containsExactly(ok);
        assertThat(ids("?status=completed&status=failed")).containsExactly(bad, ok);
        assertThat(ids("?status=completed,failed")).containsExactly(bad, ok);
        assertThat(ids("?status[]=queued&status[]=running")).containsExactly(queued, hanging);
        assertThat(ids("?outcome=success")).containsExactly(ok);
        assertThat(ids("?outcome=failure,success")).containsExactly(bad, ok);
        assertThat(ids("?source_id=" + sourceA.id())).containsExactly(ok);
        assertThat(ids("?source_id=" + sourceA.id() + "&source_id=" + sourceB.id())).containsExactly(bad, ok);
        assertThat(ids("?agent_id=" + agentB.id())).containsExactly(hanging);
        assertThat(ids("?credential_id=" + credA.id())).containsExactly(ok);
        assertThat(ids("?task_id=" + completes.id())).containsExactly(queued, ok);
        assertThat(ids("?workflow_id=wflo_x")).isEmpty();
        assertThat(ids("?search=broken")).containsExactly(bad);
        assertThat(ids("?search=" + hangs.id())).containsExactly(hanging);
        assertThat(ids("?search=" + ok.substring(10))).containsExactly(ok);

        Reply badStatus = client.get("/task-runs?status=exploded");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.errorField()).isEqualTo("status");
        assertThat(client.get("/task-runs?outcome=maybe").errorField()).isEqualTo("outcome");
    }

    @Test
    void createdAfterAndBeforeAreExclusive() {
        String first = run(completes, Map.of());
        sim.advance(Duration.ofSeconds(10));
        String second = run(completes, Map.of());
        sim.advance(Duration.ofSeconds(10));
        String third = run(completes, Map.of());

        assertThat(ids("?created_after=2026-03-10T14:00:00Z")).containsExactly(third, second);
        assertThat(ids("?created_after=2026-03-10T13:59:59Z")).containsExactly(third, second, first);
        assertThat(ids("?created_before=2026-03-10T14:00:20Z")).containsExactly(second, first);
        assertThat(ids("?created_after=2026-03-10T14:00:00Z&created_before=2026-03-10T14:00:20Z"))
                .containsExactly(second);
        assertThat(ids("?created_after=2026-03-10T15:00:00%2B01:00")).containsExactly(third, second);
        assertThat(client.get("/task-runs?created_after=yesterday").errorField()).isEqualTo("created_after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "", "99999999999"})
    void limitOutOfRangeIs400(String limit) {
        Reply r = client.get("/task-runs?limit=" + limit);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("input_invalid");
        assertThat(r.errorField()).isEqualTo("limit");
    }

    @Test
    void limitDefaultsTo20AndAccepts1And100() {
        for (int i = 0; i < 120; i++) {
            sim.startRun(completes.id(), null);
        }
        assertThat(client.get("/task-runs").json().get("data")).hasSize(20);
        assertThat(client.get("/task-runs?limit=1").json().get("data")).hasSize(1);
        assertThat(client.get("/task-runs?limit=100").json().get("data")).hasSize(100);
    }

    @Test
    void cursorPagingThrough250RunsHasNoDuplicatesOrGaps() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            created.add(0, sim.startRun(completes.id(), Map.of("n", i)).id());
            if (i % 7 == 0) {
                sim.advance(Duration.ofMillis(300)); // some share an instant, some not; statuses change
            }
        }
        List<String> paged = new ArrayList<>();
        int pages = 0;
        Reply r = client.get("/task-runs?limit=33");
        while (true) {
            pages++;
            r.json().get("data").forEach(n -> paged.add(n.get("id").asText()));
            if (!r.json().get("has_more").asBoolean()) {
                assertThat(r.json().get("next_cursor").isNull()).isTrue();
                break;
            }
            sim.advance(Duration.ofMillis(250)); // runs move on between pages
            r = client.get("/task-runs?limit=33&cursor=" + r.json().get("next_cursor").asText());
        }
        assertThat(pages).isEqualTo(8);
        assertThat(paged).containsExactlyElementsOf(created);
        assertThat(new HashSet<>(paged)).hasSize(250);
    }

    @Test
    void filteredPagingCountsFilteredRows() {
        for (int i = 0; i < 30; i++) {
            sim.startRun(i % 3 == 0 ? hangs.id() : completes.id(), null);
        }
        sim.advance(Duration.ofSeconds(5));
        assertThat(ids("?status=running&limit=4")).hasSize(10);
        assertThat(ids("?status=completed&limit=7")).hasSize(20);
    }

    @Test
    void invalidCursorIs400LikeTheExample() {
        Reply garbage = client.get("/task-runs?cursor=not-a-cursor");
        assertThat(garbage.status()).isEqualTo(400);
        JsonNode example = Examples.load("error_cursor_invalid_400.json");
        assertThat(garbage.json().get("errors").get(0).get("type"))
                .isEqualTo(example.get("errors").get(0).get("type"));
        assertThat(garbage.errorCode()).isEqualTo("cursor_invalid");
        assertThat(garbage.errorField()).isEqualTo("cursor");
        String json = Base64.getUrlEncoder().encodeToString("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(client.get("/task-runs?cursor=" + json).errorCode()).isEqualTo("cursor_invalid");
    }

    @Test
    void cursorReusedWithOtherFiltersOrEndpointIsRejected() {
        for (int i = 0; i < 5; i++) {
            sim.startRun(completes.id(), null);
        }
        String cursor = client.get("/task-runs?limit=2&task_id=" + completes.id()).json().get("next_cursor")
                .asText();
        assertThat(client.get("/task-runs?limit=2&task_id=" + completes.id() + "&cursor=" + cursor).status())
                .isEqualTo(200);
        // a different limit is fine, other filters are not
        assertThat(client.get("/task-runs?limit=3&task_id=" + completes.id() + "&cursor=" + cursor).status())
                .isEqualTo(200);
        Reply otherFilter = client.get("/task-runs?limit=2&cursor=" + cursor);
        assertThat(otherFilter.status()).isEqualTo(400);
        assertThat(otherFilter.errorCode()).isEqualTo("cursor_invalid");
        assertThat(client.get("/events?limit=2&task_id=" + completes.id() + "&cursor=" + cursor).errorCode())
                .isEqualTo("cursor_invalid");
    }

    @Test
    void arrayFilterSpellingsShareCursors() {
        for (int i = 0; i < 5; i++) {
            sim.startRun(completes.id(), null);
        }
        String cursor = client.get("/task-runs?limit=2&status=queued&status=running").json().get("next_cursor")
                .asText();
        assertThat(client.get("/task-runs?limit=2&status=running,queued&cursor=" + cursor).status()).isEqualTo(200);
    }

    @Test
    void startingAfterIsTheOlderSpelling() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, sim.startRun(completes.id(), null).id());
        }
        Reply r = client.get("/task-runs?limit=2&starting_after=" + created.get(1));
        assertThat(r.json().get("data").get(0).get("id").asText()).isEqualTo(created.get(2));
        assertThat(r.json().get("data").get(1).get("id").asText()).isEqualTo(created.get(3));
        assertThat(r.json().get("has_more").asBoolean()).isTrue();
        Reply before = client.get("/task-runs?limit=2&ending_before=" + created.get(3));
        assertThat(before.json().get("data").get(0).get("id").asText()).isEqualTo(created.get(1));
        assertThat(before.json().get("data").get(1).get("id").asText()).isEqualTo(created.get(2));
        assertThat(client.get("/task-runs?starting_after=trun_nope").errorCode()).isEqualTo("cursor_invalid");
    }

    @Test
    void listItemsCarryInputOutputStorageButNoRequestIdOrArtifacts() {
        sim.startRun(completes.id(), Map.of("x", 1));
        sim.advance(Duration.ofSeconds(5));
        JsonNode item = client.get("/task-runs").json().get("data").get(0);
        assertThat(item.has("input")).isTrue();
        assertThat(item.has("output")).isTrue();
        assertThat(item.get("storage")).hasSize(1);
        assertThat(item.get("storage").get(0).has("url")).isFalse();
        assertThat(item.has("request_id")).isFalse();
        assertThat(item.has("artifacts")).isFalse();
        Set<String> expected = TestClient.keys(Examples.load("task_runs_list_page.json").get("data").get(0));
        assertThat(TestClient.keys(item)).isEqualTo(expected);
    }
}
