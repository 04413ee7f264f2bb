package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH, DELETE and reset of tasks, and their status as runs succeed, over HTTP. */
class TaskChangesTest {

    DeckSimulator sim;
    TestClient client;
    Agent agent;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:00:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
        agent = sim.createAgent("agent");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private String createTask(Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("agent_id", agent.id());
        body.putIfAbsent("name", "Fetch Reservations");
        Reply r = client.post("/tasks", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** Runs the task once to its end (1 s queue + run by default). */
    private String runToEnd(String taskId, Map<String, Object> input) {
        Reply r = client.post("/tasks/" + taskId + "/run", Map.of("input", input));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        sim.advance(Duration.ofSeconds(30));
        return r.json().get("id").asText();
    }

    private String status(String taskId) {
        return client.get("/tasks/" + taskId).json().get("status").asText();
    }

    private String agentRefStatus(String taskId) {
        for (JsonNode ref : client.get("/agents/" + agent.id()).json().get("tasks")) {
            if (ref.get("id").asText().equals(taskId)) {
                return ref.get("status").asText();
            }
        }
        return null;
    }

    /** The statuses in the task's task.updated events, oldest first. */
    private List<String> updatedStatuses(String taskId) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode e : client.listAll("/events?type=task.updated&limit=100")) {
            if (e.get("data").get("id").asText().equals(taskId)) {
                statuses.add(0, e.get("data").get("status").asText());
            }
        }
        return statuses;
    }

    @Test
    void patchChangesTheGivenFieldsAndKeepsTheRest() {
        String id = createTask(Map.of("prompt", "Log in", "input_schema", Map.of("type", "object"), "storage",
                Map.of("enabled", true), "extraction", true));
        sim.advance(Duration.ofSeconds(2));
        Reply changed = client.patch("/tasks/" + id, Map.of("name", "Fetch Stays", "output_schema",
                Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer"))),
                "settings", Map.of("timeout_seconds", 60)));
        assertThat(changed.status()).isEqualTo(200);
        JsonNode task = changed.json();
        assertThat(TestClient.keys(task)).isEqualTo(TestClient.keys(Examples.load("task.json")));
        assertThat(task.get("name").asText()).isEqualTo("Fetch Stays");
        assertThat(task.get("prompt").asText()).isEqualTo("Log in");
        assertThat(task.get("input_schema").get("type").asText()).isEqualTo("object");
        assertThat(task.get("output_schema").get("properties").has("n")).isTrue();
        assertThat(task.get("storage").get("enabled").asBoolean()).isTrue();
        assertThat(task.get("extraction").asBoolean()).isTrue();
        assertThat(task.get("updated_at").asText()).isEqualTo("2026-03-10T14:00:02Z");
        assertThat(sim.task(id).timeoutSeconds()).isEqualTo(60);
        assertThat(client.get("/agents/" + agent.id()).json().get("tasks").get(0).get("name").asText())
                .isEqualTo("Fetch Stays");

        Reply cleared = client.patch("/tasks/" + id,
                "{\"prompt\": null, \"storage\": null, \"extraction\": false, \"input_schema\": null}");
        assertThat(cleared.json().get("prompt").isNull()).isTrue();
        assertThat(cleared.json().get("storage").isNull()).isTrue();
        assertThat(cleared.json().get("input_schema").isNull()).isTrue();
        assertThat(cleared.json().get("extraction").asBoolean()).isFalse();
        assertThat(cleared.json().get("name").asText()).isEqualTo("Fetch Stays");

        JsonNode event = client.get("/events?type=task.updated").json().get("data").get(0);
        assertThat(event.get("data").get("name").asText()).isEqualTo("Fetch Stays");
        JsonNode createdEvent = client.get("/events?type=task.created").json().get("data").get(0);
        assertThat(TestClient.keys(event.get("data"))).isEqualTo(TestClient.keys(createdEvent.get("data")));
        assertThat(client.get("/events?type=task.updated").json().get("data")).hasSize(2);
    }

    @Test
    void patchValidatesLikeCreate() {
        String id = createTask(Map.of());
        assertThat(client.patch("/tasks/" + id, Map.of("name", "")).errorField()).isEqualTo("name");
        assertThat(client.patch("/tasks/" + id, Map.of("input_schema", "x")).errorField()).isEqualTo("input_schema");
        assertThat(client.patch("/tasks/" + id, Map.of("extraction", "yes")).errorField()).isEqualTo("extraction");
        assertThat(client.patch("/tasks/" + id, Map.of("settings", Map.of("timeout_seconds", 0))).errorField())
                .isEqualTo("settings.timeout_seconds");
        assertThat(client.patch("/tasks/" + id, Map.of("settings", Map.of("timeout_seconds", "1"))).errorField())
                .isEqualTo("settings.timeout_seconds");
        Reply badScenario = client.patch("/tasks/" + id, Map.of("simulation", Map.of("outcome", "exploded")));
        assertThat(badScenario.errorCode()).isEqualTo("input_invalid");
        assertThat(badScenario.errorField()).isEqualTo("simulation.outcome");
        assertThat(client.patch("/tasks/" + id, Map.of("agent_id", "agt_other")).errorField()).isEqualTo("agent_id");
        assertThat(client.patch("/tasks/" + id, Map.of("id", "task_other")).errorField()).isEqualTo("id");
        assertThat(client.patch("/tasks/" + id, Map.of("agent_id", agent.id(), "id", id)).status()).isEqualTo(200);
        Reply missing = client.patch("/tasks/task_nope", Map.of("name", "x"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("task_not_found");
        assertThat(client.get("/events?type=task.updated").json().get("data")).hasSize(1);
    }

    @Test
    void simulationPatchOverridesTheTasksScenarioForNewRuns() {
        String id = createTask(Map.of("simulation", Map.of("run_ms", 4000)));
        Reply running = client.post("/tasks/" + id + "/run", Map.of());
        client.patch("/tasks/" + id, Map.of("simulation", Map.of("outcome", "failed")));
        assertThat(sim.task(id).scenario().runTime()).isEqualTo(Duration.ofSeconds(4));
        assertThat(sim.task(id).scenario().outcome()).isEqualTo(Scenario.Outcome.FAILED);
        String failing = runToEnd(id, Map.of());
        assertThat(sim.taskRun(failing).status()).isEqualTo("failed");
        assertThat(sim.taskRun(running.json().get("id").asText()).status()).isEqualTo("completed");

        client.patch("/tasks/" + id, "{\"simulation\": null}");
        assertThat(sim.task(id).scenario()).isEqualTo(Scenario.defaults());
    }

    @Test
    void completedRunsMoveATaskFromLearningToTestToLive() {
        String id = createTask(Map.of());
        assertThat(status(id)).isEqualTo("learning");
        runToEnd(id, Map.of("_scenario", Map.of("outcome", "failed")));
        assertThat(status(id)).isEqualTo("learning");

        runToEnd(id, Map.of());
        assertThat(status(id)).isEqualTo("test");
        assertThat(agentRefStatus(id)).isEqualTo("test");
        JsonNode update = client.get("/events?type=task.updated").json().get("data").get(0);
        JsonNode completed = client.get("/events?type=task_run.completed").json().get("data").get(0);
        assertThat(update.get("created_at").asText()).isEqualTo(completed.get("created_at").asText());
        assertThat(client.get("/tasks?status=test").json().get("data")).hasSize(1);

        runToEnd(id, Map.of());
        assertThat(status(id)).isEqualTo("test");
        runToEnd(id, Map.of());
        assertThat(status(id)).isEqualTo("live");
        assertThat(agentRefStatus(id)).isEqualTo("live");
        runToEnd(id, Map.of());
        assertThat(status(id)).isEqualTo("live");
        assertThat(updatedStatuses(id)).containsExactly("test", "live");
    }

    @Test
    void editingThePromptOrASchemaDropsTheTaskBackToLearning() {
        String id = createTask(Map.of("prompt", "Log in"));
        runToEnd(id, Map.of());
        assertThat(status(id)).isEqualTo("test");

        client.patch("/tasks/" + id, Map.of("name", "Renamed", "storage", Map.of("enabled", true)));
        assertThat(status(id)).isEqualTo("test");
        client.patch("/tasks/" + id, Map.of("prompt", "Log in")); // the same prompt is no edit
        assertThat(status(id)).isEqualTo("test");

        Reply edited = client.patch("/tasks/" + id, Map.of("prompt", "Log in and list the stays"));
        assertThat(edited.json().get("status").asText()).isEqualTo("learning");
        assertThat(agentRefStatus(id)).isEqualTo("learning");

        runToEnd(id, Map.of()); // counting starts again: the first completed run makes it test again
        assertThat(status(id)).isEqualTo("test");
        runToEnd(id, Map.of());
        runToEnd(id, Map.of());
        assertThat(status(id)).isEqualTo("live");
        client.patch("/tasks/" + id, Map.of("output_schema", Map.of("type", "object")));
        assertThat(status(id)).isEqualTo("learning");
        runToEnd(id, Map.of());
        client.patch("/tasks/" + id, Map.of("input_schema", Map.of("type", "object")));
        assertThat(status(id)).isEqualTo("learning");
    }

    @Test
    void resetPutsTheTaskBackToLearning() {
        String id = createTask(Map.of());
        runToEnd(id, Map.of());
        runToEnd(id, Map.of());
        runToEnd(id, Map.of());
        assertThat(status(id)).isEqualTo("live");
        sim.advance(Duration.ofSeconds(1));

        Reply reset = client.post("/tasks/" + id + "/reset", null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("status").asText()).isEqualTo("learning");
        assertThat(TestClient.keys(reset.json())).isEqualTo(TestClient.keys(Examples.load("task.json")));
        assertThat(agentRefStatus(id)).isEqualTo("learning");
        JsonNode event = client.get("/events?type=task.reset").json().get("data").get(0);
        assertThat(event.get("data").get("id").asText()).isEqualTo(id);
        assertThat(event.get("data").get("status").asText()).isEqualTo("learning");
        assertThat(event.get("created_at").asText()).isEqualTo(reset.json().get("updated_at").asText());

        runToEnd(id, Map.of());
        assertThat(status(id)).isEqualTo("test");
        assertThat(client.post("/tasks/task_nope/reset", null).errorCode()).isEqualTo("task_not_found");
        assertThat(sim.resetTask(id).status()).isEqualTo("learning");
    }

    @Test
    void deleteRemovesTheTaskButKeepsItsRuns() {
        String id = createTask(Map.of());
        String done = runToEnd(id, Map.of());
        String running = client.post("/tasks/" + id + "/run", Map.of()).json().get("id").asText();

        Reply deleted = client.delete("/tasks/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("id").asText()).isEqualTo(id);
        assertThat(deleted.json().get("object").asText()).isEqualTo("task");
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(TestClient.keys(deleted.json())).isEqualTo(TestClient.keys(Examples.load("delete_response.json")));

        Reply gone = client.get("/tasks/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("task_not_found");
        assertThat(client.get("/tasks").json().get("data")).isEmpty();
        assertThat(client.get("/agents/" + agent.id()).json().get("tasks")).isEmpty();
        Reply run = client.post("/tasks/" + id + "/run", Map.of());
        assertThat(run.status()).isEqualTo(404);
        assertThat(run.errorCode()).isEqualTo("task_not_found");
        assertThat(client.patch("/tasks/" + id, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(client.delete("/tasks/" + id).status()).isEqualTo(404);

        sim.advance(Duration.ofSeconds(30));
        assertThat(client.get("/task-runs/" + done).json().get("status").asText()).isEqualTo("completed");
        assertThat(client.get("/task-runs/" + running).json().get("status").asText()).isEqualTo("completed");
        assertThat(client.get("/task-runs?task_id=" + id).json().get("data")).hasSize(2);
        JsonNode event = client.get("/events?type=task.deleted").json().get("data").get(0);
        assertThat(event.get("data").get("id").asText()).isEqualTo(id);
        assertThat(event.get("data").get("agent_id").asText()).isEqualTo(agent.id());
    }

    @Test
    void aClientChosenIdCanBeReusedAfterDeletionWithoutInheritingProgress() {
        String id = createTask(Map.of("id", "task_reused", "simulation", Map.of("run_ms", 5000)));
        String old = client.post("/tasks/" + id + "/run", Map.of()).json().get("id").asText();
        sim.deleteTask(id);
        createTask(Map.of("id", "task_reused"));
        sim.advance(Duration.ofSeconds(30));
        assertThat(sim.taskRun(old).status()).isEqualTo("completed");
        assertThat(status(id)).isEqualTo("learning");
    }
}
