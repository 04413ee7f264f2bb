package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PATCH and DELETE of credentials over HTTP, and what they mean for runs. */
class CredentialChangesTest {

    DeckSimulator sim;
    TestClient client;
    Source source;
    Agent agent;
    Credential credential;

    @BeforeEach
    void start() {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.parse("2026-03-10T14:05:00Z")))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
        source = sim.createSource("https://bank.example");
        agent = sim.createAgent("agent");
        credential = sim.createCredential(source.id(), "alice", "first-secret");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private String path() {
        return "/credentials/" + credential.id();
    }

    /** Runs a task with the credential to its end (completed unless the scenario says otherwise). */
    private String runToEnd(Scenario scenario) {
        Task task = sim.createTask(agent.id(), "t", scenario);
        Reply r = client.post("/tasks/" + task.id() + "/run", Map.of("credential_id", credential.id()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        sim.advance(Duration.ofMinutes(1));
        return r.json().get("id").asText();
    }

    private JsonNode events(String type) {
        return client.get("/events?type=" + type).json().get("data");
    }

    @Test
    void patchExternalIdSetsAndClearsWithoutAnEvent() {
        sim.advance(Duration.ofSeconds(3));
        Reply set = client.patch(path(), Map.of("external_id", "user_4821"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("external_id").asText()).isEqualTo("user_4821");
        assertThat(set.json().get("status").asText()).isEqualTo("unverified");
        assertThat(set.json().get("updated_at").asText()).isEqualTo("2026-03-10T14:05:03Z");
        assertThat(TestClient.keys(set.json())).isEqualTo(TestClient.keys(Examples.load("credential.json")));
        assertThat(client.get("/credentials?external_id=user_4821").json().get("data")).hasSize(1);

        assertThat(client.patch(path(), Map.of()).json().get("external_id").asText()).isEqualTo("user_4821");
        Reply cleared = client.patch(path(), "{\"external_id\": null}");
        assertThat(cleared.json().get("external_id").isNull()).isTrue();
        assertThat(cleared.json().get("auth_credentials").get("username").asText()).isEqualTo("alice");

        Reply tooLong = client.patch(path(), Map.of("external_id", "x".repeat(256)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorField()).isEqualTo("external_id");
        assertThat(client.patch(path(), Map.of("external_id", "x".repeat(255))).status()).isEqualTo(200);
        assertThat(client.get("/events?type=credential.*").json().get("data")).hasSize(1); // credential.created
    }

    @Test
    void newAuthCredentialsReplaceThePasswordAndRevertAVerifiedCredential() {
        runToEnd(Scenario.completesAfter(Duration.ofSeconds(1)));
        assertThat(sim.credential(credential.id()).status()).isEqualTo("verified");

        Reply changed = client.patch(path(), Map.of("auth_credentials",
                Map.of("username", "alice2", "password", "second-secret", "source_fields", Map.of("branch", "42"))));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).doesNotContain("second-secret").doesNotContain("first-secret");
        assertThat(changed.json().get("status").asText()).isEqualTo("unverified");
        assertThat(changed.json().get("auth_credentials").get("username").asText()).isEqualTo("alice2");
        assertThat(changed.json().get("auth_credentials").get("source_fields").get("branch").asText()).isEqualTo("42");
        assertThat(sim.credentialHasPassword(credential.id(), "second-secret")).isTrue();
        assertThat(sim.credentialHasPassword(credential.id(), "first-secret")).isFalse();

        JsonNode unverified = events("credential.unverified");
        assertThat(unverified).hasSize(1);
        ObjectNode expected = events("credential.verified").get(0).get("data").deepCopy();
        assertThat(unverified.get(0).get("data")).isEqualTo(expected.put("status", "unverified"));
        assertThat(TestClient.keys(unverified.get(0).get("data")))
                .isEqualTo(TestClient.keys(Examples.load("event_credential_verified.json").get("data")));
        assertThat(unverified.get(0).toString()).doesNotContain("second-secret");

        // already unverified: new auth credentials change no status and record nothing
        client.patch(path(), Map.of("auth_credentials", Map.of("username", "alice3", "password", "third")));
        assertThat(events("credential.unverified")).hasSize(1);

        // the next completed run verifies it again
        runToEnd(Scenario.completesAfter(Duration.ofSeconds(1)));
        assertThat(client.get(path()).json().get("status").asText()).isEqualTo("verified");
        assertThat(events("credential.verified")).hasSize(2);
    }

    @Test
    void anInvalidCredentialStillRunsAndIsFixedByPatch() {
        Scenario rejected = Scenario.completesAfter(Duration.ofSeconds(1)).withInteraction(Interaction.mfa("123456"))
                .withMaxAttempts(1).withRepromptDelay(Duration.ofMillis(10));
        Task task = sim.createTask(agent.id(), "mfa", rejected);
        String runId = client.post("/tasks/" + task.id() + "/run", Map.of("credential_id", credential.id())).json()
                .get("id").asText();
        sim.advance(Duration.ofMillis(700));
        client.post("/task-runs/" + runId + "/interaction", Map.of("input", Map.of("code", "000000")));
        sim.advance(Duration.ofSeconds(1));
        assertThat(client.get(path()).json().get("status").asText()).isEqualTo("invalid");

        Reply stillRuns = client.post("/tasks/" + task.id() + "/run", Map.of("credential_id", credential.id()));
        assertThat(stillRuns.status()).isEqualTo(201);
        client.post("/task-runs/" + stillRuns.json().get("id").asText() + "/cancel", null);

        Reply fixed = client.patch(path(), Map.of("auth_credentials", Map.of("username", "alice", "password", "ok")));
        assertThat(fixed.json().get("status").asText()).isEqualTo("unverified");
        assertThat(events("credential.unverified")).hasSize(1);
        runToEnd(Scenario.completesAfter(Duration.ofSeconds(1)));
        assertThat(sim.credential(credential.id()).status()).isEqualTo("verified");
    }

    @Test
    void patchValidatesAuthCredentialsLikeCreate() {
        Reply noPassword = client.patch(path(), Map.of("auth_credentials", Map.of("username", "a")));
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.errorCode()).isEqualTo("input_missing");
        assertThat(noPassword.errorField()).isEqualTo("auth_credentials.password");
        assertThat(client.patch(path(), Map.of("auth_credentials", Map.of("password", "p"))).errorField())
                .isEqualTo("auth_credentials.username");
        Reply badField = client.patch(path(), Map.of("auth_credentials",
                Map.of("username", "a", "password", "p", "source_fields", Map.of("Bad", "x"))));
        assertThat(badField.errorField()).isEqualTo("auth_credentials.source_fields.Bad");
        assertThat(client.patch(path(), Map.of("auth_credentials", "x")).errorField()).isEqualTo("auth_credentials");
        assertThat(sim.credentialHasPassword(credential.id(), "first-secret")).isTrue();

        Credential none = sim.credential(client.post("/credentials", Map.of("source_id", source.id())).json()
                .get("id").asText());
        Reply noneFields = client.patch("/credentials/" + none.id(),
                Map.of("auth_credentials", Map.of("source_fields", Map.of("member_no", "7"))));
        assertThat(noneFields.status()).isEqualTo(200);
        assertThat(noneFields.json().get("auth_credentials").isNull()).isTrue();

        Reply missing = client.patch("/credentials/cred_nope", Map.of("external_id", "x"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("credential_not_found");
    }

    @Test
    void deleteKeepsTheCredentialQueryableButRefusesRunsAndChanges() {
        client.patch(path(), Map.of("external_id", "user_1", "auth_credentials",
                Map.of("username", "alice", "password", "first-secret", "source_fields", Map.of("branch", "42"))));
        String runId = runToEnd(Scenario.completesAfter(Duration.ofSeconds(1)));
        sim.advance(Duration.ofSeconds(1));

        Reply deleted = client.delete(path());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("id").asText()).isEqualTo(credential.id());
        assertThat(deleted.json().get("object").asText()).isEqualTo("credential");
        assertThat(deleted.json().get("status").asText()).isEqualTo("deleted");
        assertThat(deleted.json().get("external_id").asText()).isEqualTo("user_1");
        assertThat(deleted.json().get("auth_credentials").get("username").asText()).isEqualTo("alice");
        assertThat(deleted.json().get("auth_credentials").has("source_fields")).isFalse();
        assertThat(TestClient.keys(deleted.json())).isEqualTo(TestClient.keys(Examples.load("credential.json")));
        assertThat(sim.credentialHasPassword(credential.id(), "first-secret")).isFalse();

        assertThat(client.get(path()).json().get("status").asText()).isEqualTo("deleted");
        assertThat(client.get("/credentials?status=deleted").json().get("data")).hasSize(1);
        assertThat(client.get("/credentials?status=verified").json().get("data")).isEmpty();
        assertThat(client.get("/task-runs?credential_id=" + credential.id()).json().get("data")).hasSize(1);
        assertThat(client.get("/task-runs/" + runId).json().get("credential_id").asText()).isEqualTo(credential.id());

        JsonNode event = events("credential.deleted");
        assertThat(event).hasSize(1);
        assertThat(event.get(0).get("data").get("status").asText()).isEqualTo("deleted");
        assertThat(TestClient.keys(event.get(0).get("data")))
                .isEqualTo(TestClient.keys(Examples.load("event_credential_verified.json").get("data")));

        Task task = sim.createTask(agent.id(), "again");
        Reply run = client.post("/tasks/" + task.id() + "/run", Map.of("credential_id", credential.id()));
        assertThat(run.status()).isEqualTo(400);
        assertThat(run.errorType()).isEqualTo("request");
        assertThat(run.errorCode()).isEqualTo("credential_deleted");
        assertThat(run.errorField()).isEqualTo("credential_id");

        Reply patch = client.patch(path(), Map.of("external_id", "x"));
        assertThat(patch.status()).isEqualTo(400);
        assertThat(patch.errorType()).isEqualTo("request");
        assertThat(patch.errorCode()).isEqualTo("credential_deleted");

        Reply again = client.delete(path());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("deleted");
        assertThat(events("credential.deleted")).hasSize(1);
        assertThat(client.delete("/credentials/cred_nope").status()).isEqualTo(404);
    }

    @Test
    void aRunStillGoingWhenItsCredentialIsDeletedLeavesItDeleted() {
        Task task = sim.createTask(agent.id(), "t", Scenario.completesAfter(Duration.ofSeconds(5)));
        String runId = client.post("/tasks/" + task.id() + "/run", Map.of("credential_id", credential.id())).json()
                .get("id").asText();
        sim.advance(Duration.ofSeconds(1));
        sim.deleteCredential(credential.id());
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.taskRun(runId).status()).isEqualTo("completed");
        assertThat(sim.credential(credential.id()).status()).isEqualTo("deleted");
        assertThat(events("credential.verified")).isEmpty();
    }
}
