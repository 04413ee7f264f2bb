package io.github.cameldeck.kamelets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.TaskRunState;
import io.github.cameldeck.simulator.core.TaskDraft;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each Kamelet end to end in Camel Main against the simulator, through the Pipe of the guide that uses it, loaded as
 * written ({@link KameletApp}). The simulator's key has '&amp;', '%', '+' and '=' in it, so every test also shows that
 * the key reaches Deck whole through the Pipe, the Kamelet and the deck endpoint.
 */
class KameletsCamelMainTest {

    /** The ids the guide's Pipes name. */
    static final String STATEMENTS_TASK = "task_01JQ7ZM8";
    static final String RECONCILE_TASK = "task_01JQ7ZR4";
    static final String MFA_TASK = "task_01JQ7ZT2";

    static final String KEY = "sk_live_k&e%y+1=2";

    @RegisterExtension
    final DeckSimulatorExtension deck = DeckSimulatorExtension.create(b -> b.apiKey(KEY).rateLimit(0, Duration.ZERO));

    private static String task(DeckSimulator sim, String id, Scenario scenario) {
        Agent agent = sim.createAgent("Kamelets " + id);
        return sim
                .createTask(new TaskDraft(id, "Task " + id, agent.id(), null, null, null, null, false, null, scenario))
                .id();
    }

    private static Scenario quick() {
        return Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(20));
    }

    private static TaskRun run(Exchange exchange) {
        return exchange.getMessage().getBody(TaskRun.class);
    }

    @Test
    void taskRunSourceEmitsEachCompletedRunOfItsTaskOnce(DeckSimulator sim) throws Exception {
        task(sim, STATEMENTS_TASK, quick().withOutput(Map.of("balance", "1520.33 USD")));
        String other = task(sim, "task_01JQ7ZZZ", quick());
        try (KameletApp app = new KameletApp(sim).pipeOf("deck-task-run-source").intercept("log:*").start()) {
            MockEndpoint runs = app.mock("log:deck-runs");
            runs.expectedMessageCount(2);
            runs.setAssertPeriod(500);
            String first = sim.startRun(STATEMENTS_TASK, Map.of("month", "2026-09")).id();
            sim.startRun(other, Map.of());
            String second = sim.startRun(STATEMENTS_TASK, Map.of("month", "2026-10")).id();

            runs.assertIsSatisfied(20_000);
            assertThat(runs.getExchanges()).extracting(e -> run(e).getId()).containsExactlyInAnyOrder(first, second);
            Exchange exchange = runs.getExchanges().get(0);
            assertThat(run(exchange).getOutput()).isEqualTo(Map.of("balance", "1520.33 USD"));
            assertThat(exchange.getMessage().getHeader(DeckConstants.RUN_STATUS)).isEqualTo("completed");
            assertThat(exchange.getMessage().getHeader(DeckConstants.TASK_ID)).isEqualTo(STATEMENTS_TASK);
            assertTheKeyIsMaskedInEndpoints(app);
        }
    }

    @Test
    void eventSourceReceivesDecksSignedWebhooks(DeckSimulator sim) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        String completes = task(sim, "task_01JQ80AA", quick());
        String fails = task(sim, "task_01JQ80BB", Scenario.fails().withQueueTime(Duration.ofMillis(20)));
        sim.createWebhookDestination("http://127.0.0.1:" + port + "/deck/events", List.of("*"),
                DeckTestSupport.SECRET);
        try (KameletApp app = new KameletApp(sim).pipeOf("deck-event-source").intercept("log:*")
                .property("deck.webhook-secret", DeckTestSupport.SECRET)
                .property("camel.server.enabled", "true")
                .property("camel.server.host", "127.0.0.1")
                .property("camel.server.port", Integer.toString(port))
                .start()) {
            MockEndpoint events = app.mock("log:deck-events");
            events.expectedMessageCount(2);
            events.setAssertPeriod(500);
            String completed = sim.startRun(completes, Map.of()).id();
            String failed = sim.startRun(fails, Map.of()).id();

            events.assertIsSatisfied(20_000);
            assertThat(events.getExchanges()).extracting(
                    e -> e.getMessage().getHeader(DeckConstants.EVENT_TYPE) + " " + e.getMessage().getHeader(
                            DeckConstants.RUN_ID))
                    .containsExactlyInAnyOrder("task_run.completed " + completed, "task_run.failed " + failed);
            assertThat(sim.stats().webhookFailures()).isZero();
            assertThat(events.getExchanges()).anySatisfy(
                    e -> assertThat(e.getMessage().getHeader(DeckConstants.EVENT_SOURCE)).isEqualTo("webhook"));
        }
        // Camel Main prints the properties the routes resolved, the Kamelet's webhookSecret among them: masked
        String log = Files.readString(Path.of("target/camel-deck-test.log"));
        assertThat(log).contains("webhookSecret = xxxxxx")
                .doesNotContain(DeckTestSupport.SECRET.substring("whsec_".length()));
    }

    @Test
    void storageSourceEmitsEveryFileOfTheCompletedRuns(DeckSimulator sim) throws Exception {
        task(sim, STATEMENTS_TASK,
                quick().withFiles(StorageFile.pdf("statement_2026-10.pdf", 4_096),
                        StorageFile.csv("transactions_2026-10.csv", 1_024)));
        try (KameletApp app = new KameletApp(sim).pipeOf("deck-storage-source").intercept("file:*").start()) {
            MockEndpoint files = app.mock("file:deck-files");
            files.expectedMessageCount(2);
            files.setAssertPeriod(500);
            String runId = sim.startRun(STATEMENTS_TASK, Map.of()).id();

            files.assertIsSatisfied(20_000);
            assertThat(files.getExchanges()).extracting(e -> e.getMessage().getHeader(Exchange.FILE_NAME))
                    .containsExactlyInAnyOrder("statement_2026-10.pdf", "transactions_2026-10.csv");
            for (Exchange file : files.getExchanges()) {
                assertThat(file.getMessage().getHeader(DeckConstants.RUN_ID)).isEqualTo(runId);
                long size = file.getMessage().getHeader(DeckConstants.FILE_SIZE, Long.class);
                assertThat(file.getMessage().getBody(byte[].class)).hasSize((int) size);
            }
        }
    }

    @Test
    void runTaskSinkStartsOneRunPerMessageWithTheBodyAsInput(DeckSimulator sim) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        task(sim, STATEMENTS_TASK, quick());
        String other = task(sim, "task_01JQ80CC", quick());
        try (KameletApp app = new KameletApp(sim).pipeOf("deck-run-task-sink")
                .property("camel.server.enabled", "true")
                .property("camel.server.host", "127.0.0.1")
                .property("camel.server.port", Integer.toString(port))
                .start()) {
            HttpClient http = HttpClient.newHttpClient();
            for (String month : List.of("2026-09", "2026-10")) {
                HttpRequest request = HttpRequest
                        .newBuilder(URI.create("http://127.0.0.1:" + port + "/statements/requests"))
                        .header("Content-Type", "application/json")
                        // a header of the request cannot choose another task: the Kamelet's taskId decides
                        .header(DeckConstants.TASK_ID, other)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"month\":\"" + month + "\"}")).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                // the caller gets the run that was started, as Deck's JSON
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"task_id\":\"" + STATEMENTS_TASK + "\"");
            }

            List<TaskRunState> runs = sim.taskRuns();
            assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.taskId()).isEqualTo(STATEMENTS_TASK));
            assertThat(runs).extracting(r -> r.input().path("month").asText())
                    .containsExactlyInAnyOrder("2026-09", "2026-10");
        }
    }

    @Test
    void runTaskActionRunsTheTaskWaitsAndHandsTheRunOn(DeckSimulator sim) throws Exception {
        task(sim, STATEMENTS_TASK, quick().withOutput(Map.of("balance", "1520.33 USD")));
        task(sim, RECONCILE_TASK, quick().withOutput(Map.of("reconciled", true)));
        try (KameletApp app = new KameletApp(sim).pipeOf("deck-run-task-action").intercept("log:*").start()) {
            MockEndpoint reconciled = app.mock("log:deck-reconciled");
            reconciled.expectedMessageCount(1);
            reconciled.setAssertPeriod(500);
            String statements = sim.startRun(STATEMENTS_TASK, Map.of("month", "2026-10")).id();

            reconciled.assertIsSatisfied(20_000);
            Exchange exchange = reconciled.getExchanges().get(0);
            TaskRun run = run(exchange);
            assertThat(run.getTaskId()).isEqualTo(RECONCILE_TASK);
            assertThat(run.getStatusValue()).isEqualTo("completed");
            assertThat(run.getOutput()).isEqualTo(Map.of("reconciled", true));
            assertThat(exchange.getMessage().getHeader(DeckConstants.RUN_ID)).isEqualTo(run.getId());
            // the statements run was the reconciliation's input, and its headers did not start its own task again
            assertThat(sim.taskRun(run.getId()).input().path("id").asText()).isEqualTo(statements);
            assertThat(sim.taskRuns()).extracting(TaskRunState::taskId)
                    .containsExactlyInAnyOrder(STATEMENTS_TASK, RECONCILE_TASK);
        }
    }

    @Test
    void submitInteractionActionAnswersTheRunThatAsks(DeckSimulator sim) throws Exception {
        task(sim, MFA_TASK, quick().withInteraction(Interaction.mfa("123456")));
        try (KameletApp app = new KameletApp(sim).pipeOf("deck-submit-interaction-action").intercept("log:*")
                .bind("mfaCodes", new MfaCodes()).start()) {
            MockEndpoint answered = app.mock("log:deck-answered");
            answered.expectedMessageCount(1);
            String runId = sim.startRun(MFA_TASK, Map.of()).id();

            answered.assertIsSatisfied(20_000);
            TaskRun run = run(answered.getExchanges().get(0));
            assertThat(run.getId()).isEqualTo(runId);
            assertThat(run.getStatusValue()).isEqualTo("completed");
            await().atMost(5, TimeUnit.SECONDS).until(() -> sim.taskRun(runId).isTerminal());
            assertThat(sim.taskRun(runId).status()).isEqualTo("completed");
        }
    }

    /** What the submit Pipe's {@code bean:mfaCodes?method=codeFor} step calls: the code for the run that asks. */
    public static class MfaCodes {
        public Map<String, String> codeFor(TaskRun run) {
            assertThat(run.getInteraction().getFields()).extracting("name").containsExactly("code");
            return Map.of("code", "123456");
        }
    }

    /** The guide's YAML route: a kamelet: URI with the key in RAW(), a list of statuses, no task filter. */
    @Test
    void kameletsInAYamlRoute(DeckSimulator sim) throws Exception {
        String statements = task(sim, STATEMENTS_TASK, quick());
        String broken = task(sim, "task_01JQ80DD", Scenario.fails().withQueueTime(Duration.ofMillis(20)));
        try (KameletApp app = new KameletApp(sim).routes("classpath:kamelet-routes/deck-kamelets.camel.yaml")
                .intercept("log:*").start()) {
            MockEndpoint finished = app.mock("log:deck-finished");
            finished.expectedMessageCount(2);
            finished.setAssertPeriod(500);
            String completed = sim.startRun(statements, Map.of()).id();
            String failed = sim.startRun(broken, Map.of()).id();

            finished.assertIsSatisfied(20_000);
            assertThat(finished.getExchanges()).extracting(e -> run(e).getId() + " " + run(e).getStatusValue())
                    .containsExactlyInAnyOrder(completed + " completed", failed + " failed");
        }
    }

    /**
     * From Java, the simulator's URL on the kamelet: URI, and the key once for every use of the Kamelet, as a
     * {@code camel.kamelet.<name>.<property>} property, which Camel hands to the Kamelet as it is (no RAW() needed).
     */
    @Test
    void kameletsInAJavaRoute(DeckSimulator sim) throws Exception {
        task(sim, RECONCILE_TASK, quick().withOutput(Map.of("reconciled", true)));
        try (KameletApp app = new KameletApp(sim)
                .property("camel.kamelet.deck-run-task-action.apiKey", KEY)
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:reconcile").to("kamelet:deck-run-task-action?taskId=" + RECONCILE_TASK
                                + "&baseUrl=" + sim.baseUrl() + "&waitTimeout=1m");
                    }
                }).start()) {
            TaskRun run = app.context().createProducerTemplate().requestBody("direct:reconcile",
                    Map.of("month", "2026-10"), TaskRun.class);
            assertThat(run.getStatusValue()).isEqualTo("completed");
            assertThat(run.getOutput()).isEqualTo(Map.of("reconciled", true));
            assertThat(sim.taskRun(run.getId()).input().path("month").asText()).isEqualTo("2026-10");
        }
    }

    /** Camel prints endpoints (logs, JMX, consoles) with secrets masked: the Kamelet's and the deck endpoint's. */
    private static void assertTheKeyIsMaskedInEndpoints(KameletApp app) {
        assertThat(app.context().getEndpoints()).extracting(Endpoint::toString)
                .anySatisfy(uri -> assertThat(uri).startsWith("kamelet:deck-task-run-source?apiKey=xxxxxx"))
                .anySatisfy(uri -> assertThat(uri).startsWith("deck://taskRuns?apiKey=xxxxxx"))
                .allSatisfy(uri -> assertThat(uri).doesNotContain("k&e%y").doesNotContain("k%26e"));
    }
}
