package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Task run endpoints: happy paths and JSON shapes compared with the example payloads. */
class TaskRunShapesTest {

    DeckSimulator sim;
    TestClient client;
    Source source;
    Credential credential;
    Task task;
    Task mfaTask;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
        Agent agent = sim.createAgent("Hilton");
        source = sim.createSource("https://www.hilton.com");
        credential = sim.createCredential(source.id(), "mark", "pw");
        task = sim.createTask(agent.id(), "Fetch Reservations", Scenario.completesAfter(Duration.ofSeconds(2)));
        mfaTask = sim.createTask(agent.id(), "Fetch Statements",
                Scenario.completesAfter(Duration.ofSeconds(2)).withInteraction(Interaction.mfa()));
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private Reply run(Task t, Object input) {
        return client.post("/tasks/" + t.id() + "/run",
                Map.of("credential_id", credential.id(), "input", input, "request_id", "order-7781"));
    }

    @Test
    void runTaskReturns201QueuedWithFullFieldSet() {
        Reply r = run(task, Map.of("check_in_date", "2026-04-01"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode run = r.json();
        assertThat(TestClient.keys(run)).isEqualTo(TestClient.keys(Examples.load("task_run_queued.json")));
        assertThat(run.get("status").asText()).isEqualTo("queued");
        assertThat(run.get("id").asText()).startsWith("trun_");
        assertThat(run.get("result").isNull()).isTrue();
        assertThat(run.get("output").isNull()).isTrue();
        assertThat(run.get("interaction").isNull()).isTrue();
        assertThat(run.get("canceled_at").isNull()).isTrue();
        assertThat(run.get("workflow_id").isNull()).isTrue();
        assertThat(run.get("errors")).isEmpty();
        assertThat(run.get("storage")).isEmpty();
        assertThat(run.get("runtime_ms").asLong()).isZero();
        assertThat(run.get("input").get("check_in_date").asText()).isEqualTo("2026-04-01");
        assertThat(run.get("credential_id").asText()).isEqualTo(credential.id());
        assertThat(run.get("source_id").asText()).isEqualTo(source.id()); // implied by the credential
        assertThat(run.get("agent_id").asText()).isEqualTo(task.agentId());
        assertThat(run.get("created_at").asText()).isEqualTo("2026-03-10T14:05:00Z");
        assertThat(sim.taskRun(run.get("id").asText()).clientRequestId()).isEqualTo("order-7781");
    }

    @Test
    void runTaskValidatesReferences() {
        assertThat(client.post("/tasks/task_nope/run", Map.of()).errorCode()).isEqualTo("task_not_found");
        Reply cred = client.post("/tasks/" + task.id() + "/run", Map.of("credential_id", "cred_nope"));
        assertThat(cred.status()).isEqualTo(404);
        assertThat(cred.errorCode()).isEqualTo("credential_not_found");
        Reply src = client.post("/tasks/" + task.id() + "/run", Map.of("source_id", "src_nope"));
        assertThat(src.status()).isEqualTo(404);
        assertThat(src.errorType()).isEqualTo("source");
        assertThat(src.errorCode()).isEqualTo("source_not_found");
        Reply badInput = client.post("/tasks/" + task.id() + "/run", Map.of("input", "text"));
        assertThat(badInput.errorField()).isEqualTo("input");
        Reply badScenario = client.post("/tasks/" + task.id() + "/run",
                Map.of("input", Map.of("_scenario", Map.of("run_ms", -1))));
        assertThat(badScenario.errorField()).isEqualTo("input._scenario.run_ms");
        // no body at all is fine: no source, no credential, no input
        assertThat(client.post("/tasks/" + task.id() + "/run", null).status()).isEqualTo(201);
    }

    @Test
    void inputSchemaRequiredFieldsAreChecked() {
        Task withSchema = sim.createTask(new io.github.cameldeck.simulator.core.TaskDraft(null, "Schema",
                task.agentId(), null, TestClient.MAPPER.valueToTree(Map.of("type", "object", "required",
                        java.util.List.of("check_in_date"), "properties",
                        Map.of("check_in_date", Map.of("type", "string")))),
                null, null, false, null, null));
        Reply missing = client.post("/tasks/" + withSchema.id() + "/run", Map.of("input", Map.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("input_missing");
        assertThat(missing.errorField()).isEqualTo("input.check_in_date");
        assertThat(TestClient.keys(missing.json().get("errors").get(0)))
                .isEqualTo(TestClient.keys(Examples.load("error_validation_400.json").get("errors").get(0)));
        Reply wrongType = client.post("/tasks/" + withSchema.id() + "/run",
                Map.of("input", Map.of("check_in_date", 5)));
        assertThat(wrongType.errorCode()).isEqualTo("input_invalid");
    }

    @Test
    void getOmitsSectionsWithoutIncludeFlags() {
        String id = run(task, Map.of("a", 1)).json().get("id").asText();
        sim.advance(Duration.ofMillis(1200));
        Reply plain = client.get("/task-runs/" + id);
        assertThat(plain.json().get("status").asText()).isEqualTo("running");
        assertThat(TestClient.keys(plain.json())).isEqualTo(TestClient.keys(Examples.load("task_run_running.json")));
        assertThat(plain.json().has("input")).isFalse();
        assertThat(plain.json().has("storage")).isFalse();
        assertThat(plain.json().has("artifacts")).isFalse();
        assertThat(plain.json().get("runtime_ms").asLong()).isEqualTo(1000);
        assertThat(plain.json().get("session_id").asText()).startsWith("sess_");

        Reply onlyInput = client.get("/task-runs/" + id + "?include=input");
        assertThat(onlyInput.json().has("input")).isTrue();
        assertThat(onlyInput.json().has("storage")).isFalse();
        assertThat(onlyInput.json().has("artifacts")).isFalse();
    }

    @Test
    void completedRunWithAllIncludesMatchesExample() {
        String id = run(task, Map.of("a", 1)).json().get("id").asText();
        sim.advance(Duration.ofSeconds(3));
        Reply full = client.get("/task-runs/" + id + "?include=input,storage,artifacts");
        JsonNode example = Examples.load("task_run_completed.json");
        assertThat(TestClient.keys(full.json())).isEqualTo(TestClient.keys(example));
        assertThat(full.json().get("status").asText()).isEqualTo("completed");
        assertThat(full.json().get("result").asText()).isEqualTo("success");
        assertThat(full.json().get("output").get("echo").get("a").asInt()).isEqualTo(1);
        assertThat(full.json().get("output").get("task").asText()).isEqualTo("Fetch Reservations");
        JsonNode storage = full.json().get("storage").get(0);
        assertThat(TestClient.keys(storage)).isEqualTo(TestClient.keys(example.get("storage").get(0)));
        assertThat(storage.get("url").asText())
                .startsWith(sim.storageBaseUrl() + "/files/" + storage.get("id").asText());
        JsonNode screenshots = full.json().get("artifacts").get("screenshots");
        assertThat(screenshots.size()).isGreaterThanOrEqualTo(2);
        assertThat(TestClient.keys(screenshots.get(0)))
                .isEqualTo(TestClient.keys(example.get("artifacts").get("screenshots").get(0)));
        assertThat(screenshots.get(0).get("url").asText())
                .startsWith(sim.storageBaseUrl() + "/screenshots/" + id + "/1.png");

        Reply alias = client.get("/task-runs/" + id + "?include=screenshots&include=storage");
        assertThat(alias.json().has("artifacts")).isTrue();
        assertThat(alias.json().has("storage")).isTrue();
        assertThat(alias.json().has("input")).isFalse();

        String storageId = storage.get("id").asText();
        Reply item = client.get("/storage/" + storageId);
        assertThat(TestClient.keys(item.json())).isEqualTo(TestClient.keys(Examples.load("storage_item.json")));
        assertThat(client.get("/task-runs/" + id + "/storage").json().get("data")).hasSize(1);
        assertThat(client.get("/task-runs/" + id + "/screenshots").json().get("data").size())
                .isEqualTo(screenshots.size());
        assertThat(sim.credential(credential.id()).status()).isEqualTo("verified");
    }

    @Test
    void interactionAndCancelResponsesMatchExamples() {
        String id = run(mfaTask, Map.of("a", 1)).json().get("id").asText();
        sim.advance(Duration.ofMillis(1200));
        Reply pending = client.get("/task-runs/" + id);
        assertThat(TestClient.keys(pending.json()))
                .isEqualTo(TestClient.keys(Examples.load("task_run_interaction_required.json")));
        JsonNode interaction = pending.json().get("interaction");
        assertThat(TestClient.keys(interaction)).containsExactlyInAnyOrder("type", "message", "fields");
        assertThat(interaction.get("fields").get(0).get("name").asText()).isEqualTo("code");

        Reply submitted = client.post("/task-runs/" + id + "/interaction", Map.of("input", Map.of("code", "123456")));
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().get("status").asText()).isEqualTo("running");
        assertThat(TestClient.keys(submitted.json()))
                .isEqualTo(TestClient.keys(Examples.load("interaction_submit_response.json")));

        Reply canceling = client.post("/task-runs/" + id + "/cancel", null);
        assertThat(canceling.status()).isEqualTo(200);
        assertThat(canceling.json().get("status").asText()).isEqualTo("canceling");
        assertThat(TestClient.keys(canceling.json()))
                .isEqualTo(TestClient.keys(Examples.load("task_run_canceling.json")));
        sim.advance(Duration.ofMillis(500));
        Reply canceled = client.get("/task-runs/" + id);
        assertThat(canceled.json().get("status").asText()).isEqualTo("canceled");
        assertThat(canceled.json().get("result").asText()).isEqualTo("unknown");
        assertThat(canceled.json().get("canceled_at").asText()).isEqualTo("2026-03-10T14:05:01Z");
        assertThat(TestClient.keys(canceled.json()))
                .isEqualTo(TestClient.keys(Examples.load("task_run_canceled.json")));
    }

    @Test
    void listItemsAndEventsMatchExamples() {
        run(task, Map.of("a", 1));
        sim.advance(Duration.ofSeconds(3));
        Reply list = client.get("/task-runs");
        JsonNode example = Examples.load("task_runs_list_page.json");
        assertThat(TestClient.keys(list.json())).isEqualTo(TestClient.keys(example));
        JsonNode item = list.json().get("data").get(0);
        assertThat(TestClient.keys(item)).isEqualTo(TestClient.keys(example.get("data").get(2)));
        assertThat(TestClient.keys(item.get("storage").get(0)))
                .isEqualTo(TestClient.keys(example.get("data").get(2).get("storage").get(0)));

        Reply events = client.get("/events?type=task_run.completed");
        JsonNode event = events.json().get("data").get(0);
        JsonNode eventExample = Examples.load("event_task_run_completed.json");
        assertThat(TestClient.keys(event)).isEqualTo(TestClient.keys(eventExample));
        assertThat(TestClient.keys(event.get("data"))).isEqualTo(TestClient.keys(eventExample.get("data")));
    }

    @Test
    void notFoundMatchesExample() {
        Reply r = client.get("/task-runs/trun_nope");
        assertThat(r.status()).isEqualTo(404);
        JsonNode example = Examples.load("error_not_found_404.json");
        assertThat(r.errorType()).isEqualTo(example.get("errors").get(0).get("type").asText());
        assertThat(r.errorCode()).isEqualTo("task_run_not_found");
        assertThat(client.post("/task-runs/trun_nope/cancel", null).status()).isEqualTo(404);
        assertThat(client.post("/task-runs/trun_nope/interaction", Map.of("input", Map.of())).status())
                .isEqualTo(404);
    }

    @Test
    void sessionsAreCreatedOnStartAndReusable() {
        String first = run(task, Map.of()).json().get("id").asText();
        assertThat(client.get("/task-runs/" + first).json().get("session_id").isNull()).isTrue();
        sim.advance(Duration.ofMillis(300));
        String session = client.get("/task-runs/" + first).json().get("session_id").asText();
        Reply s = client.get("/sessions/" + session);
        assertThat(s.json().get("status").asText()).isEqualTo("running");
        assertThat(TestClient.keys(s.json())).isEqualTo(TestClient.keys(Examples.load("session.json")));
        sim.advance(Duration.ofSeconds(3));
        assertThat(client.get("/sessions/" + session).json().get("status").asText()).isEqualTo("idle");

        Reply second = client.post("/tasks/" + task.id() + "/run", Map.of("session_id", session));
        assertThat(second.json().get("session_id").asText()).isEqualTo(session);
        assertThat(client.post("/tasks/" + task.id() + "/run", Map.of("session_id", "sess_nope")).status())
                .isEqualTo(404);
        sim.advance(Duration.ofMinutes(20));
        assertThat(client.get("/sessions/" + session).json().get("status").asText()).isEqualTo("completed");
        Reply third = client.post("/tasks/" + task.id() + "/run", Map.of("session_id", session));
        sim.advance(Duration.ofSeconds(1));
        String thirdId = third.json().get("id").asText();
        assertThat(client.get("/task-runs/" + thirdId).json().get("session_id").asText()).isNotEqualTo(session);
    }

    @Test
    void endingASessionCancelsItsRun() {
        String id = client.post("/tasks/" + task.id() + "/run", Map.of()).json().get("id").asText();
        sim.advance(Duration.ofMillis(300));
        String session = sim.taskRun(id).sessionId();
        Reply ended = client.post("/sessions/" + session + "/end", null);
        assertThat(ended.json().get("status").asText()).isEqualTo("completed");
        assertThat(sim.taskRun(id).status()).isEqualTo("canceling");
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.taskRun(id).status()).isEqualTo("canceled");
    }

    @Test
    void endingASessionRecordsTheCancelAndEndingItAgainAnswersItAsItIs() {
        Task slow = sim.createTask(sim.createAgent("b").id(), "slow", Scenario.completesAfter(Duration.ofMinutes(5)));
        String id = client.post("/tasks/" + slow.id() + "/run", Map.of()).json().get("id").asText();
        sim.advance(Duration.ofSeconds(1));
        String session = client.get("/task-runs/" + id).json().get("session_id").asText();
        assertThat(client.get("/sessions/" + session).json().get("status").asText()).isEqualTo("running");

        Reply ended = client.post("/sessions/" + session + "/end", null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("status").asText()).isEqualTo("completed");
        assertThat(ended.json().get("task_runs").get(0).get("id").asText()).isEqualTo(id);
        assertThat(client.get("/task-runs/" + id).json().get("status").asText()).isEqualTo("canceling");
        sim.advance(Duration.ofSeconds(1));
        JsonNode run = client.get("/task-runs/" + id).json();
        assertThat(run.get("status").asText()).isEqualTo("canceled");
        assertThat(run.get("canceled_at").isNull()).isFalse();
        assertThat(client.listAll("/events?type=task_run.canceling,task_run.canceled"))
                .extracting(e -> e.get("type").asText()).containsExactly("task_run.canceled", "task_run.canceling");

        sim.advance(Duration.ofMinutes(1));
        Reply again = client.post("/sessions/" + session + "/end", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("completed");
        assertThat(again.json().get("updated_at").asText()).isEqualTo(ended.json().get("updated_at").asText());
        assertThat(again.json().get("runtime_ms").asLong()).isEqualTo(ended.json().get("runtime_ms").asLong());
        assertThat(client.get("/sessions/" + session).json().get("status").asText()).isEqualTo("completed");
        assertThat(client.post("/sessions/sess_nope/end", null).errorCode()).isEqualTo("session_not_found");
    }

    @Test
    void sessionIdAtCreationIsConfigurable() {
        sim.stop();
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .assignSessionOnCreate(true).build().start();
        Task t = sim.createTask(sim.createAgent("a").id(), "t");
        Reply r = TestClient.of(sim).post("/tasks/" + t.id() + "/run", Map.of());
        assertThat(r.json().get("session_id").asText()).startsWith("sess_");
        sim.advance(Duration.ofSeconds(2));
        assertThat(sim.taskRun(r.json().get("id").asText()).sessionId()).isEqualTo(r.json().get("session_id").asText());
    }
}
