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

/** PATCH and DELETE of agents and sources over HTTP. */
class AgentAndSourceChangesTest {

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

    private JsonNode newestEvent(String type) {
        return client.get("/events?type=" + type).json().get("data").get(0);
    }

    @Test
    void patchAgentChangesOnlyTheGivenFields() {
        Agent agent = sim.createAgent("Hilton", "Fetch reservations");
        sim.advance(Duration.ofSeconds(5));

        Reply renamed = client.patch("/agents/" + agent.id(), Map.of("name", "Hilton Honors"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("Hilton Honors");
        assertThat(renamed.json().get("description").asText()).isEqualTo("Fetch reservations");
        assertThat(renamed.json().get("created_at").asText()).isEqualTo("2026-03-10T14:00:00Z");
        assertThat(renamed.json().get("updated_at").asText()).isEqualTo("2026-03-10T14:00:05Z");
        assertThat(renamed.json().get("request_id").asText()).startsWith("req_");
        assertThat(TestClient.keys(renamed.json())).isEqualTo(TestClient.keys(Examples.load("agent.json")));

        Reply cleared = client.patch("/agents/" + agent.id(), "{\"description\": null}");
        assertThat(cleared.json().get("description").isNull()).isTrue();
        assertThat(cleared.json().get("name").asText()).isEqualTo("Hilton Honors");
        assertThat(client.get("/agents/" + agent.id()).json().get("description").isNull()).isTrue();

        JsonNode event = newestEvent("agent.updated");
        assertThat(event.get("data").get("id").asText()).isEqualTo(agent.id());
        assertThat(TestClient.keys(event.get("data")))
                .isEqualTo(TestClient.keys(newestEvent("agent.created").get("data")));
        assertThat(event.get("data").get("description").isNull()).isTrue();
        assertThat(client.get("/events?type=agent.updated").json().get("data")).hasSize(2);
    }

    @Test
    void patchAgentValidatesAndAnswers404() {
        Agent agent = sim.createAgent("a");
        Reply blank = client.patch("/agents/" + agent.id(), Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorCode()).isEqualTo("input_invalid");
        assertThat(blank.errorField()).isEqualTo("name");
        assertThat(client.patch("/agents/" + agent.id(), "{\"name\": null}").errorField()).isEqualTo("name");
        assertThat(client.patch("/agents/" + agent.id(), Map.of("description", 7)).errorField())
                .isEqualTo("description");
        Reply missing = client.patch("/agents/agt_nope", Map.of("name", "x"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("agent_not_found");
        assertThat(client.get("/events?type=agent.updated").json().get("data")).isEmpty();
    }

    @Test
    void deleteAgentRemovesItAndItsTasks() {
        Agent agent = sim.createAgent("a");
        Task task = sim.createTask(agent.id(), "t", Scenario.completesAfter(Duration.ofSeconds(1)));
        String runId = client.post("/tasks/" + task.id() + "/run", Map.of()).json().get("id").asText();

        Reply deleted = client.delete("/agents/" + agent.id());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).isEqualTo(TestClient.MAPPER.createObjectNode().put("id", agent.id())
                .put("object", "agent").put("deleted", true)
                .put("request_id", deleted.json().get("request_id").asText()));
        assertThat(TestClient.keys(deleted.json())).isEqualTo(TestClient.keys(Examples.load("delete_response.json")));

        Reply gone = client.get("/agents/" + agent.id());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("agent_not_found");
        assertThat(client.get("/agents").json().get("data")).isEmpty();
        assertThat(client.delete("/agents/" + agent.id()).status()).isEqualTo(404);
        assertThat(client.post("/tasks", Map.of("name", "t2", "agent_id", agent.id())).status()).isEqualTo(404);
        assertThat(client.get("/tasks/" + task.id()).errorCode()).isEqualTo("task_not_found");

        sim.advance(Duration.ofSeconds(2)); // the run plays out and stays queryable
        assertThat(client.get("/task-runs/" + runId).json().get("status").asText()).isEqualTo("completed");
        assertThat(newestEvent("task.deleted").get("data").get("id").asText()).isEqualTo(task.id());
        JsonNode agentDeleted = newestEvent("agent.deleted");
        assertThat(agentDeleted.get("data").get("id").asText()).isEqualTo(agent.id());
        assertThat(agentDeleted.get("data").get("name").asText()).isEqualTo("a");
        List<String> order = client.listAll("/events?type=task.deleted,agent.deleted").stream()
                .map(e -> e.get("type").asText()).toList();
        assertThat(order).containsExactly("agent.deleted", "task.deleted"); // newest first
    }

    @Test
    void patchSourceNameAndUrl() {
        Source source = sim.createSource("Hilton", "https://www.hilton.com");
        sim.advance(Duration.ofSeconds(1));
        Reply changed = client.patch("/sources/" + source.id(),
                Map.of("website", Map.of("url", "https://hilton.example")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("website").get("url").asText()).isEqualTo("https://hilton.example");
        assertThat(changed.json().get("name").asText()).isEqualTo("Hilton");
        assertThat(changed.json().get("updated_at").asText()).isEqualTo("2026-03-10T14:00:01Z");
        assertThat(TestClient.keys(changed.json())).isEqualTo(TestClient.keys(Examples.load("source.json")));

        Reply renamed = client.patch("/sources/" + source.id(), Map.of("name", "Hilton Honors"));
        assertThat(renamed.json().get("name").asText()).isEqualTo("Hilton Honors");
        assertThat(client.get("/sources/" + source.id()).json().get("website").get("url").asText())
                .isEqualTo("https://hilton.example");
        assertThat(sim.source(source.id()).name()).isEqualTo("Hilton Honors");

        JsonNode event = newestEvent("source.updated");
        assertThat(event.get("data").get("name").asText()).isEqualTo("Hilton Honors");
        assertThat(TestClient.keys(event.get("data")))
                .isEqualTo(TestClient.keys(newestEvent("source.created").get("data")));

        assertThat(client.patch("/sources/" + source.id(), Map.of("website", Map.of("url", ""))).errorField())
                .isEqualTo("website.url");
        assertThat(client.patch("/sources/" + source.id(), Map.of("website", "x")).errorField()).isEqualTo("website");
        Reply missing = client.patch("/sources/src_nope", Map.of("name", "x"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("source_not_found");
    }

    @Test
    void deleteSourceRefusesRunsAgainstIt() {
        Source source = sim.createSource("https://bank.example");
        Credential credential = sim.createCredential(source.id(), "alice", "s3cret");
        Task task = sim.createTask(sim.createAgent("a").id(), "t");

        Reply deleted = client.delete("/sources/" + source.id());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("object").asText()).isEqualTo("source");
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(client.get("/sources/" + source.id()).status()).isEqualTo(404);
        assertThat(client.get("/sources").json().get("data")).isEmpty();
        assertThat(newestEvent("source.deleted").get("data").get("id").asText()).isEqualTo(source.id());

        Reply direct = client.post("/tasks/" + task.id() + "/run", Map.of("source_id", source.id()));
        assertThat(direct.status()).isEqualTo(404);
        assertThat(direct.errorCode()).isEqualTo("source_not_found");
        Reply viaCredential = client.post("/tasks/" + task.id() + "/run", Map.of("credential_id", credential.id()));
        assertThat(viaCredential.status()).isEqualTo(404);
        assertThat(viaCredential.errorCode()).isEqualTo("source_not_found");
        assertThat(client.get("/credentials/" + credential.id()).status()).isEqualTo(200);
        assertThat(client.post("/credentials", Map.of("source_id", source.id())).status()).isEqualTo(404);
    }
}
