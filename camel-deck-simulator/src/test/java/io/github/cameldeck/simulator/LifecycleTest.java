package io.github.cameldeck.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.TestClient.Reply;
import io.github.cameldeck.simulator.core.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Run lifecycles driven by a manual clock, observed over HTTP. */
class LifecycleTest {

    static final Instant T0 = Instant.parse("2026-03-10T14:05:00Z");

    DeckSimulator sim;
    TestClient client;
    Agent agent;
    Credential credential;

    @BeforeEach
    void start() {
        start(DeckSimulator.builder());
    }

    void start(DeckSimulator.Builder builder) {
        if (sim != null) {
            sim.stop();
        }
        sim = builder.clock(SimulatorClock.manual(T0)).rateLimit(0, Duration.ZERO).build().start();
        client = TestClient.of(sim);
        agent = sim.createAgent("agent");
        credential = sim.createCredential(sim.createSource("https://bank.example").id(), "alice", "s3cret");
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private String run(Task task) {
        return run(task, Map.of("credential_id", credential.id(), "input", Map.of("k", "v")));
    }

    private String run(Task task, Map<String, Object> body) {
        Reply r = client.post("/tasks/" + task.id() + "/run", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private JsonNode get(String runId) {
        return client.get("/task-runs/" + runId).json();
    }

    private String status(String runId) {
        return get(runId).get("status").asText();
    }

    /** The run's event types, oldest first, checking created_at never goes backwards. */
    private List<String> eventTypes(String runId) {
        List<JsonNode> events = client.listAll("/events?type=task_run.*&limit=100");
        Collections.reverse(events);
        List<String> types = new ArrayList<>();
        String previous = "";
        for (JsonNode e : events) {
            assertThat(e.get("created_at").asText()).isGreaterThanOrEqualTo(previous);
            previous = e.get("created_at").asText();
            if (e.get("data").get("id").asText().equals(runId)) {
                types.add(e.get("type").asText());
            }
        }
        return types;
    }

    private Reply answer(String runId, String field, String value) {
        return client.post("/task-runs/" + runId + "/interaction", Map.of("input", Map.of(field, value)));
    }

    @Test
    void queuedRunningCompletedWithEventsInOrder() {
        Task task = sim.createTask(agent.id(), "t", Scenario.completesAfter(Duration.ofSeconds(2)));
        String id = run(task);
        assertThat(status(id)).isEqualTo("queued");
        sim.advance(Duration.ofMillis(199));
        assertThat(status(id)).isEqualTo("queued");
        sim.advance(Duration.ofMillis(1));
        assertThat(status(id)).isEqualTo("running");
        assertThat(get(id).get("updated_at").asText()).isEqualTo("2026-03-10T14:05:00Z");
        sim.advance(Duration.ofSeconds(10)); // far past the end: updated_at is the due time, not now
        JsonNode done = get(id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("result").asText()).isEqualTo("success");
        assertThat(done.get("runtime_ms").asLong()).isEqualTo(2000);
        assertThat(done.get("updated_at").asText()).isEqualTo("2026-03-10T14:05:02Z");
        assertThat(done.get("output").get("echo").get("k").asText()).isEqualTo("v");
        assertThat(eventTypes(id)).containsExactly("task_run.queued", "task_run.running", "task_run.completed");
        JsonNode completedEvent = client.get("/events?type=task_run.completed").json().get("data").get(0);
        assertThat(completedEvent.get("created_at").asText()).isEqualTo("2026-03-10T14:05:02Z");
        assertThat(completedEvent.get("data").get("runtime_ms").asLong()).isEqualTo(2000);
        assertThat(sim.credential(credential.id()).status()).isEqualTo("verified");
        assertThat(client.get("/events?type=credential.verified").json().get("data")).hasSize(1);
    }

    @Test
    void plannedFailuresFailTheNextRunsInOrderThenTheScenarioGoesOn() {
        Task task = sim.createTask(agent.id(), "t", Scenario.completesAfter(Duration.ofSeconds(1)));
        sim.failNextRuns(task.id(), new DeckError("session", "timeout", "The session could not start."),
                new DeckError("api", "api_error", "Something went wrong on Deck's side."));

        List<String> ids = List.of(run(task), run(task), run(task));
        sim.advance(Duration.ofSeconds(5));

        assertThat(get(ids.get(0)).get("errors").get(0).get("type").asText()).isEqualTo("session");
        assertThat(get(ids.get(1)).get("errors").get(0).get("code").asText()).isEqualTo("api_error");
        assertThat(ids.subList(0, 2)).allSatisfy(id -> assertThat(status(id)).isEqualTo("failed"));
        assertThat(status(ids.get(2))).isEqualTo("completed");
    }

    @Test
    void mfaOnce() {
        Task task = sim.createTask(agent.id(), "t",
                Scenario.completesAfter(Duration.ofSeconds(2)).withInteraction(Interaction.mfa("123456")));
        String id = run(task);
        sim.advance(Duration.ofMillis(1200)); // 200 queued + 1000 (half the run time)
        JsonNode pending = get(id);
        assertThat(pending.get("status").asText()).isEqualTo("interaction_required");
        assertThat(pending.get("interaction").get("type").asText()).isEqualTo("mfa");
        assertThat(sim.taskRun(id).episodeCount()).isEqualTo(1);

        Reply ok = answer(id, "code", "123456");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("status").asText()).isEqualTo("running");
        assertThat(ok.json().get("interaction").isNull()).isTrue();
        sim.advance(Duration.ofMillis(999));
        assertThat(status(id)).isEqualTo("running");
        sim.advance(Duration.ofMillis(1));
        assertThat(status(id)).isEqualTo("completed");
        assertThat(eventTypes(id)).containsExactly("task_run.queued", "task_run.running",
                "task_run.interaction_required", "task_run.running", "task_run.completed");
    }

    @Test
    void mfaTwiceWithAWrongAnswerMakesANewEpisode() {
        Task task = sim.createTask(agent.id(), "t",
                Scenario.completesAfter(Duration.ofSeconds(3)).withInteraction(Interaction.mfa("111111"))
                        .withInteraction(Interaction.mfa("222222")));
        String id = run(task);
        sim.advance(Duration.ofMillis(1200));
        String firstMessage = get(id).get("interaction").get("message").asText();

        assertThat(answer(id, "code", "999999").json().get("status").asText()).isEqualTo("running");
        sim.advance(Duration.ofMillis(500)); // reprompt delay
        JsonNode again = get(id);
        assertThat(again.get("status").asText()).isEqualTo("interaction_required");
        assertThat(again.get("interaction").get("message").asText())
                .isEqualTo("The value was not accepted. " + firstMessage);
        assertThat(sim.taskRun(id).episodeCount()).isEqualTo(2);

        answer(id, "code", "111111");
        sim.advance(Duration.ofSeconds(1));
        JsonNode second = get(id);
        assertThat(second.get("status").asText()).isEqualTo("interaction_required");
        assertThat(second.get("interaction").get("message").asText()).isEqualTo(firstMessage);
        assertThat(sim.taskRun(id).episodeCount()).isEqualTo(3);
        answer(id, "code", "222222");
        sim.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("completed");
        assertThat(eventTypes(id)).containsExactly("task_run.queued", "task_run.running",
                "task_run.interaction_required", "task_run.running", "task_run.interaction_required",
                "task_run.running", "task_run.interaction_required", "task_run.running", "task_run.completed");
    }

    @Test
    void tooManyWrongAnswersFailWithAuthInvalid() {
        Task task = sim.createTask(agent.id(), "t",
                Scenario.defaults().withInteraction(Interaction.securityQuestion()));
        String id = run(task);
        sim.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertThat(status(id)).isEqualTo("interaction_required");
            answer(id, "answer", "rex");
            sim.advance(Duration.ofMillis(500));
        }
        JsonNode failed = get(id);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("result").asText()).isEqualTo("failure");
        assertThat(failed.get("errors").get(0).get("type").asText()).isEqualTo("auth");
        assertThat(failed.get("errors").get(0).get("code").asText()).isEqualTo("auth_invalid");
        assertThat(TestClient.keys(failed)).isEqualTo(TestClient.keys(Examples.load("task_run_failed_auth.json")));
        assertThat(sim.credential(credential.id()).status()).isEqualTo("invalid");
        assertThat(client.get("/credentials?status=invalid").json().get("data")).hasSize(1);
        assertThat(sim.taskRun(id).episodeCount()).isEqualTo(3);
    }

    @Test
    void accountSelectionAndInteractionErrors() {
        Task task = sim.createTask(agent.id(), "t",
                Scenario.defaults().withInteraction(Interaction.accountSelection()));
        String id = run(task);
        Reply notPending = answer(id, "account_id", "acc_1");
        assertThat(notPending.status()).isEqualTo(409);
        assertThat(notPending.errorCode()).isEqualTo("interaction_not_pending");
        sim.advance(Duration.ofSeconds(1));
        Reply missing = client.post("/task-runs/" + id + "/interaction", Map.of("input", Map.of("other", "x")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("input_missing");
        assertThat(missing.errorField()).isEqualTo("input.account_id");
        Reply noInput = client.post("/task-runs/" + id + "/interaction", Map.of());
        assertThat(noInput.errorField()).isEqualTo("input");
        Reply oldKey = client.post("/task-runs/" + id + "/interaction",
                Map.of("inputs", Map.of("account_id", "acc_1")));
        assertThat(oldKey.status()).isEqualTo(200);
        sim.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("completed");
    }

    @Test
    void unansweredInteractionTimesOut() {
        Task task = sim.createTask(agent.id(), "t", Scenario.defaults().withInteraction(Interaction.mfa()));
        String id = run(task);
        sim.advance(Duration.ofMillis(700)); // 200 queued + 500 (half the default run time)
        assertThat(status(id)).isEqualTo("interaction_required");
        sim.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(status(id)).isEqualTo("interaction_required");
        sim.advance(Duration.ofMillis(1));
        JsonNode failed = get(id);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("errors").get(0).get("code").asText()).isEqualTo("interaction_timeout");
        assertThat(failed.get("errors").get(0).get("type").asText()).isEqualTo("interaction");
        assertThat(failed.get("interaction").isNull()).isTrue();
    }

    @Test
    void taskTimeoutFailsTimesOutAndHangingRuns() {
        Task slow = sim.createTask(agent.id(), "slow", Scenario.timesOut());
        Task hang = sim.createTask(agent.id(), "hang", Scenario.hangs(), 120);
        String slowRun = run(slow);
        String hangRun = run(hang);
        sim.advance(Duration.ofMinutes(2).plusMillis(200));
        assertThat(status(slowRun)).isEqualTo("running");
        JsonNode hangFailed = get(hangRun);
        assertThat(hangFailed.get("status").asText()).isEqualTo("failed");
        assertThat(hangFailed.get("errors").get(0).get("message").asText())
                .isEqualTo("Task execution exceeded the timeout of 2 minutes.");
        sim.advance(Duration.ofMinutes(28));
        JsonNode failed = get(slowRun);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("errors").get(0).get("type").asText()).isEqualTo("task");
        assertThat(failed.get("errors").get(0).get("code").asText()).isEqualTo("timeout");
        assertThat(failed.get("errors").get(0).get("message").asText())
                .isEqualTo("Task execution exceeded the timeout of 30 minutes.");
        assertThat(failed.get("runtime_ms").asLong()).isEqualTo(1_800_000);
        assertThat(TestClient.keys(failed)).isEqualTo(TestClient.keys(Examples.load("task_run_failed_timeout.json")));
    }

    @Test
    void taskTimeoutAlsoEndsAWaitingInteraction() {
        Task task = sim.createTask(agent.id(), "t", Scenario.defaults().withInteraction(Interaction.mfa())
                .withInteractionTimeout(Duration.ofHours(2)), 60);
        String id = run(task);
        sim.advance(Duration.ofMinutes(2));
        assertThat(get(id).get("errors").get(0).get("code").asText()).isEqualTo("timeout");
    }

    @Test
    void reviewRequiredHasOutputButNoResult() {
        Task task = sim.createTask(agent.id(), "t",
                Scenario.completesAfter(Duration.ofSeconds(1)).withReview(Duration.ofSeconds(30))
                        .withOutput(Map.of("total", 812.4)));
        String id = run(task);
        sim.advance(Duration.ofMillis(1200));
        JsonNode review = get(id);
        assertThat(review.get("status").asText()).isEqualTo("review_required");
        assertThat(review.get("result").isNull()).isTrue();
        assertThat(review.get("output").get("total").asDouble()).isEqualTo(812.4);
        assertThat(TestClient.keys(review)).isEqualTo(TestClient.keys(Examples.load("task_run_review_required.json")));
        assertThat(client.get("/task-runs?status=pending").json().get("data")).hasSize(1); // old name
        sim.advance(Duration.ofSeconds(30));
        assertThat(status(id)).isEqualTo("completed");
        assertThat(eventTypes(id)).containsExactly("task_run.queued", "task_run.running", "task_run.review_required",
                "task_run.completed");
    }

    @Test
    void failedOutcomeUsesTheScenarioError() {
        Task task = sim.createTask(agent.id(), "t", Scenario.fails("source", "source_not_available", "Down."));
        String id = run(task);
        sim.advance(Duration.ofSeconds(2));
        JsonNode failed = get(id);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("output").isNull()).isTrue();
        assertThat(failed.get("errors").get(0).get("code").asText()).isEqualTo("source_not_available");
        assertThat(sim.credential(credential.id()).status()).isEqualTo("unverified");
    }

    @ParameterizedTest
    @ValueSource(strings = {"canceling", "cancelling"})
    void cancelWithEitherSpelling(String spelling) {
        start(DeckSimulator.builder().cancelingSpelling(spelling));
        Task task = sim.createTask(agent.id(), "t", Scenario.hangs());
        String id = run(task);
        sim.advance(Duration.ofSeconds(1));
        Reply canceling = client.post("/task-runs/" + id + "/cancel", null);
        assertThat(canceling.json().get("status").asText()).isEqualTo(spelling);
        assertThat(client.get("/task-runs?status=canceling").json().get("data")).hasSize(1);
        assertThat(client.get("/task-runs?status=cancelling").json().get("data")).hasSize(1);
        assertThat(client.post("/task-runs/" + id + "/cancel", null).status()).isEqualTo(200); // repeat is harmless
        JsonNode event = client.get("/events?type=task_run.canceling").json().get("data").get(0);
        assertThat(event.get("data").get("status").asText()).isEqualTo(spelling);

        sim.advance(Duration.ofMillis(500));
        JsonNode canceled = get(id);
        assertThat(canceled.get("status").asText()).isEqualTo("canceled");
        assertThat(canceled.get("result").asText()).isEqualTo("unknown");
        assertThat(canceled.get("canceled_at").asText()).isEqualTo("2026-03-10T14:05:01Z");
        assertThat(canceled.get("runtime_ms").asLong()).isEqualTo(1300);
        assertThat(eventTypes(id)).containsExactly("task_run.queued", "task_run.running", "task_run.canceling",
                "task_run.canceled");

        Reply again = client.post("/task-runs/" + id + "/cancel", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("run_not_cancelable");
    }

    @Test
    void cancelWhileQueuedOrWaitingForInput() {
        Task task = sim.createTask(agent.id(), "t", Scenario.defaults().withInteraction(Interaction.mfa()));
        String queued = run(task);
        client.post("/task-runs/" + queued + "/cancel", null);
        String waiting = run(task);
        sim.advance(Duration.ofSeconds(1));
        assertThat(status(waiting)).isEqualTo("interaction_required");
        Reply r = client.post("/task-runs/" + waiting + "/cancel", null);
        assertThat(r.json().get("interaction").isNull()).isTrue();
        sim.advance(Duration.ofSeconds(1));
        assertThat(status(queued)).isEqualTo("canceled");
        assertThat(get(queued).get("runtime_ms").asLong()).isZero();
        assertThat(status(waiting)).isEqualTo("canceled");
        assertThat(answer(waiting, "code", "123456").status()).isEqualTo(409);
    }

    @Test
    void runInputScenarioOverridesTheTask() {
        Task task = sim.createTask(agent.id(), "t", Scenario.completesAfter(Duration.ofSeconds(60)));
        String id = run(task, Map.of("input", Map.of("_scenario", Map.of("run_ms", 100, "outcome", "failed"))));
        assertThat(get(id).has("input")).isFalse();
        assertThat(client.get("/task-runs/" + id + "?include=input").json().get("input").has("_scenario")).isTrue();
        sim.advance(Duration.ofMillis(300));
        assertThat(status(id)).isEqualTo("failed");
        assertThat(get(id).get("errors").get(0).get("code").asText()).isEqualTo("source_error");
    }

    @Test
    void javaApiDrivesRunsWithoutHttp() {
        Task task = sim.createTask(agent.id(), "t", Scenario.defaults().withInteraction(Interaction.mfa("42")));
        SimulatorRun run = sim.startRun(task.id(), Map.of("a", 1), credential.id());
        assertThat(run.status()).isEqualTo("queued");
        sim.advance(Duration.ofSeconds(1));
        assertThat(run.state().interaction().type()).isEqualTo("mfa");
        assertThat(run.submitInteraction(Map.of("code", "42")).runStatus()).isEqualTo(TaskRunStatus.RUNNING);
        sim.advance(Duration.ofSeconds(1));
        assertThat(run.state().isTerminal()).isTrue();
        assertThat(sim.runCount()).isEqualTo(1);
        assertThat(sim.taskRuns()).extracting(TaskRunState::id).containsExactly(run.id());
        assertThat(sim.events()).isNotEmpty();
        assertThatThrownBy(() -> sim.taskRun("trun_nope")).isInstanceOf(ApiException.class)
                .matches(e -> ((ApiException) e).status() == 404);
        assertThatThrownBy(() -> sim.startRun("task_nope", null)).isInstanceOf(ApiException.class);
    }

    @Test
    void resetClearsRunsButKeepsTheCatalog() {
        Task task = sim.createTask(agent.id(), "t");
        sim.startRun(task.id(), null);
        sim.faults().serverErrors(0.5);
        sim.reset();
        assertThat(sim.runCount()).isZero();
        assertThat(sim.eventCount()).isZero();
        assertThat(sim.faults().serverErrorFraction()).isZero();
        assertThat(sim.stats().totalRequests()).isZero();
        assertThat(sim.task(task.id()).name()).isEqualTo("t");
        assertThat(client.post("/tasks/" + task.id() + "/run", Map.of()).status()).isEqualTo(201);
    }
}
