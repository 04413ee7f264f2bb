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

class CatalogEndpointsTest {

    DeckSimulator sim;
    TestClient client;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:00:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void agentsCreateGetListWithTasks() {
        Reply created = client.post("/agents", Map.of("name", "Hilton Reservations", "description", "Fetch"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(id).startsWith("agt_").hasSize(30);
        assertThat(created.json().get("object").asText()).isEqualTo("agent");
        assertThat(created.json().get("created_at").asText()).isEqualTo("2026-03-10T14:00:00Z");

        sim.advance(Duration.ofSeconds(10));
        client.post("/tasks", Map.of("name", "Fetch Reservations", "agent_id", id));

        Reply got = client.get("/agents/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(TestClient.keys(got.json())).isEqualTo(TestClient.keys(Examples.load("agent.json")));
        JsonNode task = got.json().get("tasks").get(0);
        assertThat(TestClient.keys(task)).containsExactlyInAnyOrder("id", "object", "name", "status");
        assertThat(task.get("status").asText()).isEqualTo("learning");
        assertThat(got.json().get("updated_at").asText()).isEqualTo("2026-03-10T14:00:10Z");

        Reply list = client.get("/agents");
        assertThat(list.json().get("data")).hasSize(1);
        assertThat(list.json().get("data").get(0).has("request_id")).isFalse();
        assertThat(list.json().get("has_more").asBoolean()).isFalse();
        assertThat(list.json().get("next_cursor").isNull()).isTrue();

        Reply missing = client.post("/agents", Map.of("description", "no name"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("input_missing");
        assertThat(missing.errorField()).isEqualTo("name");
        assertThat(client.get("/agents/agt_nope").errorCode()).isEqualTo("agent_not_found");
    }

    @Test
    void sourcesCreateGetList() {
        Reply created = client.post("/sources",
                Map.of("type", "website", "name", "Hilton", "website", Map.of("url", "https://www.hilton.com")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(TestClient.keys(created.json())).isEqualTo(TestClient.keys(Examples.load("source.json")));
        String id = created.json().get("id").asText();
        assertThat(id).startsWith("src_");
        assertThat(client.get("/sources/" + id).json().get("website").get("url").asText())
                .isEqualTo("https://www.hilton.com");
        assertThat(client.get("/sources").json().get("data")).hasSize(1);

        Reply noUrl = client.post("/sources", Map.of("type", "website"));
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.errorField()).isEqualTo("website.url");
        assertThat(client.get("/sources/src_nope").errorCode()).isEqualTo("source_not_found");
        assertThat(client.get("/sources/src_nope").errorType()).isEqualTo("source");
    }

    @Test
    void credentialsNeverEchoThePasswordAndFilter() {
        Source s1 = sim.createSource("https://one.example");
        Source s2 = sim.createSource("https://two.example");
        Reply created = client.post("/credentials", Map.of("source_id", s1.id(), "auth_method", "username_password",
                "auth_credentials", Map.of("username", "mark@example.com", "password", "hunter2-secret"),
                "external_id", "user_4821"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("hunter2-secret");
        assertThat(created.json().get("status").asText()).isEqualTo("unverified");
        assertThat(TestClient.keys(created.json())).isEqualTo(TestClient.keys(Examples.load("credential.json")));
        assertThat(created.json().get("auth_credentials").get("username").asText()).isEqualTo("mark@example.com");
        String id = created.json().get("id").asText();
        assertThat(client.get("/credentials/" + id).body()).doesNotContain("hunter2-secret");

        client.post("/credentials", Map.of("source_id", s2.id(), "auth_method", "none"));
        assertThat(client.get("/credentials").json().get("data")).hasSize(2);
        assertThat(client.get("/credentials").body()).doesNotContain("hunter2-secret");
        assertThat(client.get("/credentials?source_id=" + s1.id()).json().get("data")).hasSize(1);
        assertThat(client.get("/credentials?source_id=" + s1.id() + "," + s2.id()).json().get("data")).hasSize(2);
        assertThat(client.get("/credentials?external_id=user_4821").json().get("data")).hasSize(1);
        assertThat(client.get("/credentials?status=verified").json().get("data")).isEmpty();
        assertThat(client.get("/credentials?status=unverified").json().get("data")).hasSize(2);

        Reply noSource = client.post("/credentials", Map.of("auth_method", "none"));
        assertThat(noSource.errorCode()).isEqualTo("input_missing");
        assertThat(noSource.errorField()).isEqualTo("source_id");
        assertThat(client.post("/credentials", Map.of("source_id", "src_nope")).status()).isEqualTo(404);
        Reply noPassword = client.post("/credentials", Map.of("source_id", s1.id(), "auth_method",
                "username_password", "auth_credentials", Map.of("username", "a")));
        assertThat(noPassword.errorField()).isEqualTo("auth_credentials.password");
        assertThat(client.get("/credentials/cred_nope").errorCode()).isEqualTo("credential_not_found");
    }

    @Test
    void tasksCreateInLearningWithFiltersAndValidation() {
        Agent a1 = sim.createAgent("one");
        Agent a2 = sim.createAgent("two");
        Reply created = client.post("/tasks", Map.of("name", "Fetch Reservations", "agent_id", a1.id(), "prompt",
                "Log in", "input_schema", Map.of("type", "object"), "storage", Map.of("enabled", true),
                "extraction", true));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("learning");
        assertThat(TestClient.keys(created.json())).isEqualTo(TestClient.keys(Examples.load("task.json")));
        assertThat(created.json().get("output_schema").isNull()).isTrue();
        client.post("/tasks", Map.of("name", "Other", "agent_id", a2.id()));

        assertThat(client.get("/tasks").json().get("data")).hasSize(2);
        assertThat(client.get("/tasks?agent_id=" + a1.id()).json().get("data")).hasSize(1);
        assertThat(client.get("/tasks?status=live").json().get("data")).isEmpty();
        assertThat(client.get("/tasks?status=learning").json().get("data")).hasSize(2);
        String id = created.json().get("id").asText();
        assertThat(client.get("/tasks/" + id).json().get("name").asText()).isEqualTo("Fetch Reservations");

        assertThat(client.post("/tasks", Map.of("agent_id", a1.id())).errorField()).isEqualTo("name");
        assertThat(client.post("/tasks", Map.of("name", "x")).errorField()).isEqualTo("agent_id");
        assertThat(client.post("/tasks", Map.of("name", "x", "agent_id", "agt_nope")).status()).isEqualTo(404);
        Reply badScenario = client.post("/tasks",
                Map.of("name", "x", "agent_id", a1.id(), "simulation", Map.of("outcome", "exploded")));
        assertThat(badScenario.status()).isEqualTo(400);
        assertThat(badScenario.errorCode()).isEqualTo("input_invalid");
        assertThat(badScenario.errorField()).isEqualTo("simulation.outcome");
        Reply badTimeout = client.post("/tasks",
                Map.of("name", "x", "agent_id", a1.id(), "settings", Map.of("timeout_seconds", 0)));
        assertThat(badTimeout.errorField()).isEqualTo("settings.timeout_seconds");
        assertThat(client.get("/tasks/task_nope").errorCode()).isEqualTo("task_not_found");
    }

    @Test
    void clientChosenTaskIdAndSimulationField() {
        Agent agent = sim.createAgent("a");
        Reply created = client.post("/tasks", Map.of("id", "task_custom", "name", "Custom", "agent_id", agent.id(),
                "simulation", Map.of("queue_ms", 0, "run_ms", 5000, "interactions", List.of(Map.of("type", "mfa")))));
        assertThat(created.json().get("id").asText()).isEqualTo("task_custom");
        Task task = sim.task("task_custom");
        assertThat(task.scenario().runTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(task.scenario().interactions()).containsExactly(Interaction.mfa());
        sim.createTask(agent.id(), "generated after"); // same instant, generated id: ordering must still hold
        assertThat(client.get("/tasks").json().get("data")).hasSize(2);
        assertThat(client.post("/tasks", Map.of("id", "task_custom", "name", "dup", "agent_id", agent.id())).status())
                .isEqualTo(409);
    }

    @Test
    void catalogListsPageWithCursors() {
        for (int i = 0; i < 7; i++) {
            sim.createAgent("agent " + i);
        }
        List<JsonNode> all = client.listAll("/agents?limit=3");
        assertThat(all).hasSize(7);
        assertThat(all.get(0).get("name").asText()).isEqualTo("agent 6");
        assertThat(all.get(6).get("name").asText()).isEqualTo("agent 0");
    }
}
