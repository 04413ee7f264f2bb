package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventsEndpointTest {

    DeckSimulator sim;
    TestClient client;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void resourceAndRunEventsWithTypeFilterAndById() {
        String agent = client.post("/agents", Map.of("name", "a")).json().get("id").asText();
        String source = client.post("/sources", Map.of("type", "website", "website", Map.of("url", "https://x")))
                .json().get("id").asText();
        client.post("/credentials", Map.of("source_id", source, "auth_method", "none"));
        String task = client.post("/tasks", Map.of("name", "t", "agent_id", agent)).json().get("id").asText();
        sim.advance(Duration.ofSeconds(1));
        String run = client.post("/tasks/" + task + "/run", Map.of()).json().get("id").asText();
        sim.advance(Duration.ofSeconds(5));

        List<JsonNode> all = client.listAll("/events");
        // the task's first completed run moves it from learning to test
        assertThat(all).extracting(e -> e.get("type").asText()).containsExactly("task.updated", "task_run.completed",
                "task_run.running", "task_run.queued", "task.created", "credential.created", "source.created",
                "agent.created");
        assertThat(all).allSatisfy(e -> {
            assertThat(e.get("id").asText()).startsWith("evt_");
            assertThat(e.get("object").asText()).isEqualTo("event");
            assertThat(e.has("request_id")).isFalse();
        });
        assertThat(all.get(0).get("data").get("id").asText()).isEqualTo(task);
        assertThat(all.get(1).get("data").get("id").asText()).isEqualTo(run);

        assertThat(client.listAll("/events?type=task_run.queued")).hasSize(1);
        assertThat(client.listAll("/events?type=task_run.queued&type=task.created")).hasSize(2);
        assertThat(client.listAll("/events?type=task_run.queued,agent.created")).hasSize(2);
        assertThat(client.listAll("/events?type=task_run.*")).hasSize(3);
        assertThat(client.listAll("/events?created_after=2026-03-10T14:05:00Z")).hasSize(4);
        assertThat(client.listAll("/events?created_before=2026-03-10T14:05:01Z")).hasSize(4);

        String eventId = all.get(3).get("id").asText();
        Reply one = client.get("/events/" + eventId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("type").asText()).isEqualTo("task_run.queued");
        assertThat(one.json().get("request_id").asText()).startsWith("req_");
        assertThat(TestClient.keys(one.json().get("data")))
                .isEqualTo(TestClient.keys(Examples.load("event_task_run_interaction_required.json").get("data")));
        Reply missing = client.get("/events/evt_nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("event_not_found");
    }

    @Test
    void eventsPageWithCursorsNewestFirst() {
        Task task = sim.createTask(sim.createAgent("a").id(), "t");
        for (int i = 0; i < 40; i++) {
            sim.startRun(task.id(), null);
            sim.advance(Duration.ofMillis(100));
        }
        List<JsonNode> events = client.listAll("/events?limit=7&type=task_run.queued");
        assertThat(events).hasSize(40);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("id").asText()).isLessThan(events.get(i - 1).get("id").asText());
        }
        assertThat(client.get("/events?limit=0").errorField()).isEqualTo("limit");
    }

    @Test
    void eventIdsAndTimesAreMonotonic() {
        Task task = sim.createTask(sim.createAgent("a").id(), "t",
                Scenario.completesAfter(Duration.ofMillis(700)).withInteraction(Interaction.mfa()));
        for (int i = 0; i < 20; i++) {
            sim.startRun(task.id(), null);
            sim.advance(Duration.ofMillis(37 * i));
        }
        for (TaskRunState run : sim.taskRuns()) {
            if (run.status().equals("interaction_required")) {
                sim.submitInteraction(run.id(), Map.of("code", "123456"));
            }
        }
        sim.advance(Duration.ofMinutes(11));
        List<SimulatorEvent> events = sim.events();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).id()).isLessThan(events.get(i - 1).id());
            assertThat(events.get(i).createdAt()).isBeforeOrEqualTo(events.get(i - 1).createdAt());
        }
    }

    @Test
    void eventsAreCappedAndExpireAfter30Days() {
        sim.stop();
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .eventCapacity(10).build().start();
        Task task = sim.createTask(sim.createAgent("a").id(), "t");
        for (int i = 0; i < 20; i++) {
            sim.startRun(task.id(), null);
        }
        assertThat(sim.eventCount()).isEqualTo(10);
        sim.advance(Duration.ofDays(31));
        sim.createAgent("later");
        assertThat(sim.eventCount()).isEqualTo(1);
    }
}
