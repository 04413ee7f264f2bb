package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import io.github.cameldeck.simulator.core.TotpVerifier;
import io.github.cameldeck.simulator.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An MFA prompt that checks a TOTP code ({@link Interaction#totp(String)}, {@code expect_totp}), over HTTP on the manual
 * clock, against the RFC 6238 test vectors: the SHA1 seed {@code 12345678901234567890} is
 * {@value #RFC_SECRET} in Base32, and at T = 59 s its 8-digit code is 94287082, so the 6-digit one is 287082.
 */
class TotpInteractionTest {

    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    /** The code of step 1 (T = 30 s to 59 s). */
    static final String CODE_AT_59 = "287082";

    DeckSimulator sim;
    TestClient client;
    String credentialId;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    /** A simulator whose manual clock starts {@code seconds} after the Unix epoch. */
    private void startAt(long seconds) {
        sim = DeckSimulator.builder().clock(SimulatorClock.manual(Instant.ofEpochSecond(seconds)))
                .rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
        credentialId = sim.createCredential(sim.createSource("https://bank.example").id(), "alice", "s3cret").id();
    }

    /** A run of a TOTP task, advanced until it asks: 200 ms queued, then half of its 2 s running time. */
    private String promptedRun() {
        Task task = sim.createTask(sim.createAgent("agent").id(), "totp",
                Scenario.completesAfter(Duration.ofSeconds(2)).withInteraction(Interaction.totp(RFC_SECRET)));
        return promptedRun(task.id());
    }

    private String promptedRun(String taskId) {
        Reply started = client.post("/tasks/" + taskId + "/run", Map.of("credential_id", credentialId));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.json().get("id").asText();
        sim.advance(Duration.ofMillis(1200));
        assertThat(get(id).get("status").asText()).isEqualTo("interaction_required");
        return id;
    }

    /** Moves the clock to {@code seconds} after the epoch. */
    private void clockAt(long seconds) {
        Instant now = sim.clock().now();
        sim.advance(Duration.between(now, Instant.ofEpochSecond(seconds)));
    }

    private JsonNode get(String runId) {
        return client.get("/task-runs/" + runId).json();
    }

    private Reply answer(String runId, String code) {
        return client.post("/task-runs/" + runId + "/interaction", Map.of("input", Map.of("code", code)));
    }

    @ParameterizedTest(name = "T = {0} s: {1}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
            "2000000000, 279037", "20000000000, 353130"})
    void theVerifiersCodesAreTheRfc6238VectorsCutToSixDigits(long seconds, String code) {
        TotpVerifier verifier = TotpVerifier.ofBase32(RFC_SECRET);
        assertThat(verifier.codeAt(Instant.ofEpochSecond(seconds))).isEqualTo(code);
        assertThat(verifier.verify(code, Instant.ofEpochSecond(seconds))).isTrue();
        // as an app shows it: lower case, in groups, padded
        assertThat(TotpVerifier.ofBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq====")
                .codeAt(Instant.ofEpochSecond(seconds))).isEqualTo(code);
    }

    @Test
    void aSecretThatIsNotBase32IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> Interaction.totp("NOT-BASE32-189!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("189");
        assertThatThrownBy(() -> Interaction.totp(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TotpVerifier.ofBase32(RFC_SECRET).toString()).doesNotContain(RFC_SECRET);
    }

    @Test
    void theCodeOfTheCurrentStepCompletesTheRun() {
        startAt(50);
        String id = promptedRun(); // asks at 51.2 s
        JsonNode pending = get(id);
        assertThat(pending.get("interaction").get("type").asText()).isEqualTo("mfa");
        assertThat(pending.get("interaction").get("message").asText())
                .isEqualTo("Enter the code from your authenticator app.");
        assertThat(pending.get("interaction").get("fields")).extracting(f -> f.get("name").asText())
                .containsExactly("code");
        assertThat(pending.toString()).doesNotContain(RFC_SECRET);

        clockAt(59);
        Reply answered = answer(id, CODE_AT_59);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.json().get("status").asText()).isEqualTo("running");
        sim.advance(Duration.ofSeconds(1));
        assertThat(get(id).get("status").asText()).isEqualTo("completed");
        assertThat(sim.taskRun(id).episodeCount()).isEqualTo(1);
    }

    @Test
    void theCodesOfTheStepBeforeAndAfterAreAccepted() {
        startAt(50);
        String previous = promptedRun();
        clockAt(89); // step 2: the code of step 1 is the one before
        assertThat(answer(previous, CODE_AT_59).status()).isEqualTo(200);
        sim.advance(Duration.ofSeconds(1));
        assertThat(get(previous).get("status").asText()).isEqualTo("completed");
        sim.stop();

        startAt(20);
        String next = promptedRun();
        clockAt(29); // step 0: the code of step 1 is the one after
        assertThat(answer(next, CODE_AT_59).status()).isEqualTo(200);
        sim.advance(Duration.ofSeconds(1));
        assertThat(get(next).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void anOlderCodeOrAnotherCodeIsAWrongAnswer() {
        startAt(50);
        String id = promptedRun();
        clockAt(90); // step 3: the code of step 1 is two steps old
        assertThat(answer(id, CODE_AT_59).json().get("status").asText()).isEqualTo("running");
        sim.advance(Duration.ofMillis(500)); // the reprompt delay
        JsonNode again = get(id);
        assertThat(again.get("status").asText()).isEqualTo("interaction_required");
        assertThat(again.get("interaction").get("message").asText())
                .isEqualTo("The value was not accepted. Enter the code from your authenticator app.");
        assertThat(sim.taskRun(id).episodeCount()).isEqualTo(2);

        assertThat(answer(id, "123456").json().get("status").asText()).isEqualTo("running"); // the default mfa code
        sim.advance(Duration.ofMillis(500));
        assertThat(get(id).get("status").asText()).isEqualTo("interaction_required");

        // the code of now (step 3, T = 91 s) still gets through on the last attempt
        String now = TotpVerifier.ofBase32(RFC_SECRET).codeAt(sim.clock().now());
        assertThat(answer(id, " " + now + " ").status()).isEqualTo(200);
        sim.advance(Duration.ofSeconds(1));
        assertThat(get(id).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void theScenarioFormTakesExpectTotp() {
        startAt(50);
        Agent agent = sim.createAgent("agent");
        Reply created = client.post("/tasks", Map.of("name", "totp over http", "agent_id", agent.id(), "simulation",
                Map.of("run_ms", 2000, "interactions", List.of(Map.of("type", "mfa", "expect_totp", RFC_SECRET)))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(RFC_SECRET);
        String taskId = created.json().get("id").asText();
        assertThat(sim.task(taskId).scenario().interactions()).containsExactly(Interaction.totp(RFC_SECRET));

        String id = promptedRun(taskId);
        assertThat(get(id).get("interaction").get("message").asText())
                .isEqualTo("Enter the code from your authenticator app.");
        clockAt(59);
        assertThat(answer(id, CODE_AT_59).status()).isEqualTo(200);
        sim.advance(Duration.ofSeconds(1));
        assertThat(get(id).get("status").asText()).isEqualTo("completed");

        Reply notBase32 = client.post("/tasks", Map.of("name", "x", "agent_id", agent.id(), "simulation",
                Map.of("interactions", List.of(Map.of("type", "mfa", "expect_totp", "0189")))));
        assertThat(notBase32.status()).isEqualTo(400);
        assertThat(notBase32.errorField()).isEqualTo("simulation.interactions[0].expect_totp");
    }

    @Test
    void theScenarioFormRoundTripsAndRefusesAnExpectOfTheSameField() {
        Scenario scenario = Scenario.defaults().withInteraction(Interaction.totp(RFC_SECRET));
        JsonNode json = scenario.toJson();
        assertThat(json.get("interactions").get(0).get("expect_totp").asText()).isEqualTo(RFC_SECRET);
        assertThat(Scenario.fromJson(json)).isEqualTo(scenario);
        Interaction custom = Interaction.fromJson(Json.parse("{\"type\": \"mfa\", \"message\": \"Your token code\","
                + " \"expect_totp\": \"" + RFC_SECRET + "\"}"), "i");
        assertThat(custom.message()).isEqualTo("Your token code");
        assertThat(custom.expect()).isEmpty();
        assertThat(custom.accepts(Json.parse("{\"code\": \"287082\"}"), Instant.ofEpochSecond(59))).isTrue();
        assertThat(custom.accepts(Json.parse("{\"code\": \"287082\"}"), Instant.ofEpochSecond(120))).isFalse();
        assertThat(custom.accepts(Json.parse("{\"code\": null}"), Instant.ofEpochSecond(59))).isFalse();

        assertThatThrownBy(() -> Interaction.fromJson(Json.parse("{\"type\": \"mfa\", \"expect\": {\"code\": \"1\"},"
                + " \"expect_totp\": \"" + RFC_SECRET + "\"}"), "i"))
                .isInstanceOfSatisfying(ScenarioFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("i.expect.code"));
        assertThatThrownBy(
                () -> Interaction.fromJson(Json.parse("{\"type\": \"mfa\", \"fields\": [{\"name\": \"otp\"}],"
                        + " \"expect_totp\": \"" + RFC_SECRET + "\"}"), "i"))
                .isInstanceOfSatisfying(ScenarioFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("i.fields"));
    }
}
