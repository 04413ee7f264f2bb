package io.github.cameldeck.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldeck.examples.support.DemoSummary;
import io.github.cameldeck.examples.support.DemoSummary.RunReport;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import io.github.cameldeck.simulator.TaskRunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the demo end to end against the embedded simulator, as the application does, except that nothing exits: only
 * {@link DeckExampleApplication#main} exits, and the test starts the application without it. The context starts once
 * the demo has ended (the {@link DemoRunner} waits for it), then the test checks the summary, Deck's side and
 * {@code /actuator/health}. {@link DeckExampleApplicationYamlTest} runs the same with the routes in YAML.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.component.deck.api-key=", // the embedded simulator, also where DECK_API_KEY is set
        "demo.timeout=30s"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // closes the application after the class: Camel stops, then the simulator
class DeckExampleApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DemoRunner demo;

    @Autowired
    DeckSimulator sim;

    @LocalServerPort
    int port;

    Dsl expectedDsl() {
        return Dsl.JAVA;
    }

    @Test
    void runsEveryTaskAnswersEveryPromptAndPrintsTheSummary(CapturedOutput output) {
        DemoSummary summary = demo.summary();
        String text = output.getOut();
        assertThat(summary).as(text).isNotNull();

        // it ended because every run finished, each delivered once
        assertThat(summary.allFinished()).as(text).isTrue();
        assertThat(demo.getExitCode()).isZero();
        assertThat(summary.dsl()).isEqualTo(expectedDsl().toString());
        assertThat(summary.runs()).hasSize(5);
        assertThat(summary.runs()).extracting(RunReport::runId).doesNotHaveDuplicates();
        assertThat(summary.runs()).allSatisfy(run -> assertThat(run.finishedEmissions()).as(run.taskName()).isOne());

        // Deck's side: one run per task, no run started twice, all finished
        List<TaskRunState> runsOnDeck = sim.taskRuns();
        assertThat(runsOnDeck).hasSize(5);
        assertThat(runsOnDeck).extracting(TaskRunState::id)
                .containsExactlyInAnyOrderElementsOf(summary.runs().stream().map(RunReport::runId).toList());
        assertThat(runsOnDeck).extracting(TaskRunState::status).containsOnly("completed", "failed");

        Map<String, RunReport> byTask = summary.runs().stream()
                .collect(Collectors.toMap(RunReport::taskName, Function.identity()));
        assertThat(byTask).containsOnlyKeys(DeckSimulatorInitializer.SIMULATOR_TASKS.keySet());

        // four completed with their outputs
        assertThat(summary.count("completed")).isEqualTo(4);
        assertThat(summary.runs()).filteredOn(run -> "completed".equals(run.status()))
                .allSatisfy(run -> assertThat(run.output()).as(run.taskName()).isNotNull());
        assertThat(byTask.get(DemoData.FETCH_RESERVATIONS).output().toString()).contains("SIM-849271");
        assertThat(byTask.get(DemoData.FETCH_STATEMENTS_MFA).output().toString()).contains("1520.33 USD");

        // the broken site failed, with its error
        RunReport broken = byTask.get(DemoData.BROKEN_SITE);
        assertThat(broken.status()).isEqualTo("failed");
        assertThat(broken.errorType()).isEqualTo("source");
        assertThat(broken.errorCode()).isEqualTo("source_error");

        // every prompt answered: once, twice (two-step login) or not at all
        assertThat(byTask).allSatisfy((task, run) -> assertThat(run.answered()).as(task).isEqualTo(run.asked()));
        assertThat(byTask.get(DemoData.FETCH_STATEMENTS_MFA).answered()).isEqualTo(1);
        assertThat(byTask.get(DemoData.TWO_STEP_LOGIN).answered()).isEqualTo(2);
        assertThat(byTask.get(DemoData.SECURITY_CHECK).answered()).isEqualTo(1);
        assertThat(byTask.get(DemoData.FETCH_RESERVATIONS).answered()).isZero();
        assertThat(summary.answers()).isEqualTo(4);

        // what it printed: the fields answered but never the answers, nor the key
        assertThat(text).contains("using the embedded Deck simulator", "Routes: " + expectedDsl().source(),
                "code=******", "answer=******", "Summary: 5 runs in", "4 completed, 1 failed, 4 answers given",
                "source/source_error");
        assertThat(output.getAll()).doesNotContain("123456", "654321", "fluffy", sim.apiKey());
    }

    @Test
    void healthIsUpWithTheDeckConsumerChecks() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).as(response.body()).isEqualTo("UP");
        JsonNode camel = health.path("components").path("camelHealth");
        assertThat(camel.path("status").asText()).as(response.body()).isEqualTo("UP");
        for (String route : List.of("answer-interactions", "completed-runs", "failed-runs")) {
            assertThat(camel.path("details").path("consumer:" + route).asText()).as(response.body())
                    .isEqualTo("UP");
        }
    }

    @Test
    void countsTheDemosRunsInActuatorsMetrics() throws Exception {
        assertThat(metric("deck.runs.started", "")).isEqualTo(5);
        assertThat(metric("deck.runs.settled", "?tag=outcome:completed")).isEqualTo(4);
        assertThat(metric("deck.runs.settled", "?tag=outcome:failed&tag=error.type:source")).isEqualTo(1);
        assertThat(metric("deck.client.requests", "?tag=method:POST&tag=uri:/tasks/%7Bid%7D/run&tag=outcome:SUCCESS"))
                .isEqualTo(5);
    }

    /** The COUNT of a meter in /actuator/metrics, with these tag filters. */
    private double metric(String name, String tags) throws Exception {
        HttpResponse<String> response = get("/actuator/metrics/" + name + tags);
        assertThat(response.statusCode()).as(name + tags + ": " + response.body()).isEqualTo(200);
        for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asDouble();
            }
        }
        throw new AssertionError("No COUNT in " + response.body());
    }

    @Test
    void exposesOnlyHealthInfoAndMetrics() throws Exception {
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/configprops").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
