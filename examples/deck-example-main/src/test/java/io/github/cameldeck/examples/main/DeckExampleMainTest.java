package io.github.cameldeck.examples.main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.cameldeck.examples.support.DemoSummary;
import io.github.cameldeck.examples.support.DemoSummary.RunReport;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import io.github.cameldeck.simulator.TaskRunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the demo end to end against the embedded simulator, once per DSL: the same flow must give the same summary.
 */
class DeckExampleMainTest {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void runsEveryTaskAnswersEveryPromptAndStops(Dsl dsl) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        DemoSummary summary;
        List<TaskRunState> runsOnDeck;
        String apiKey;
        try (DeckSimulator sim = DeckExampleMain.startSimulator()) {
            apiKey = sim.apiKey();
            summary = DeckExampleMain.runAgainst(sim, dsl, out, System.nanoTime(),
                    Map.of("camel.main.duration-max-seconds", "40"));
            runsOnDeck = sim.taskRuns();
        }
        summary.print(out);
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text); // in target/surefire-reports/*-output.txt

        // it stopped by itself because every run finished, each delivered once
        assertThat(summary.allFinished()).as(text).isTrue();
        assertThat(summary.dsl()).isEqualTo(dsl.toString());
        assertThat(summary.runs()).hasSize(5);
        assertThat(summary.runs()).extracting(RunReport::runId).doesNotHaveDuplicates();
        assertThat(summary.runs()).allSatisfy(run -> assertThat(run.finishedEmissions()).as(run.taskName()).isOne());

        // Deck's side: one run per task, no run started twice, all finished
        assertThat(runsOnDeck).hasSize(5);
        assertThat(runsOnDeck).extracting(TaskRunState::id)
                .containsExactlyInAnyOrderElementsOf(summary.runs().stream().map(RunReport::runId).toList());
        assertThat(runsOnDeck).extracting(TaskRunState::status).containsOnly("completed", "failed");

        Map<String, RunReport> byTask = summary.runs().stream()
                .collect(Collectors.toMap(RunReport::taskName, Function.identity()));
        assertThat(byTask).containsOnlyKeys(DeckExampleMain.SIMULATOR_TASKS.keySet());

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
        assertThat(text).contains("code=******", "answer=******", "Summary: 5 runs in",
                "4 completed, 1 failed, 4 answers given", "source/source_error");
        assertThat(text).doesNotContain("123456", "654321", "fluffy", apiKey);
    }

    @Test
    void choosesTheDslFromTheArgumentsOrTheProperty() {
        assertThat(Dsl.select(new String[0], null)).isEqualTo(Dsl.JAVA);
        assertThat(Dsl.select(new String[0], "YAML")).isEqualTo(Dsl.YAML);
        assertThat(Dsl.select(new String[]{"--dsl", "xml"}, "yaml")).isEqualTo(Dsl.XML);
        assertThat(Dsl.select(new String[]{"--dsl=yaml"}, null)).isEqualTo(Dsl.YAML);
        assertThatThrownBy(() -> Dsl.of("groovy")).hasMessageContaining("java, yaml or xml");
    }
}
