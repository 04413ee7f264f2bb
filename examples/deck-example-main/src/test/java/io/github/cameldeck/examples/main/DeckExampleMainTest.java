package io.github.cameldeck.examples.main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.cameldeck.examples.support.DemoSummary;
import io.github.cameldeck.examples.support.DemoSummary.RunReport;
import io.github.cameldeck.examples.support.DemoSummary.SavedFile;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DemoData;
import io.github.cameldeck.simulator.TaskRunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.cameldeck.examples.main.FileDigests.filesIn;
import static io.github.cameldeck.examples.main.FileDigests.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the demo end to end against the embedded simulator, once per DSL: the same flow must give the same summary and
 * save the same files.
 */
class DeckExampleMainTest {

    @TempDir
    Path filesDir;

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void runsEveryTaskAnswersEveryPromptSavesEveryFileAndStops(Dsl dsl) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        DemoSummary summary;
        List<TaskRunState> runsOnDeck;
        Map<Path, String> filesOnDeck = new HashMap<>(); // <run id>/<file name> -> SHA-256 of what Deck serves
        String apiKey;
        try (DeckSimulator sim = DeckExampleMain.startSimulator()) {
            apiKey = sim.apiKey();
            summary = DeckExampleMain.runAgainst(sim, dsl, out, System.nanoTime(),
                    Map.of("camel.main.duration-max-seconds", "40", "demo.files-dir", filesDir.toString()));
            runsOnDeck = sim.taskRuns();
            for (TaskRunState run : runsOnDeck) {
                for (var item : run.storage()) {
                    filesOnDeck.put(Path.of(run.id(), item.fileName()), sha256(sim.fileContent(item.id())));
                }
            }
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

        // the files of the four completed runs (a PDF each, and a CSV with the statement), saved once each in a folder
        // per run with the bytes Deck serves, and listed in the summary
        assertThat(filesOnDeck).hasSize(5);
        assertThat(filesIn(filesDir)).isEqualTo(filesOnDeck);
        assertThat(summary.files()).extracting(file -> Path.of(file.runId(), file.fileName()))
                .containsExactlyInAnyOrderElementsOf(filesOnDeck.keySet());
        assertThat(summary.files()).allSatisfy(
                file -> assertThat(file.size()).as(file.fileName()).isEqualTo(Files.size(file.path())));
        assertThat(summary.files()).extracting(SavedFile::fileName).contains("reservation_SIM-849271.pdf",
                "statement_2026-02.pdf", "transactions_2026-02.csv");
        assertThat(summary.runsAwaitingFiles()).isZero();

        // what it printed: the fields answered but never the answers, nor the key
        assertThat(text).contains("code=******", "answer=******", "Summary: 5 runs in",
                "4 completed, 1 failed, 4 answers given, 5 files saved", "source/source_error", "Files: 5 saved under",
                "saved      Fetch Reservations     reservation_SIM-849271.pdf, 96,512 bytes");
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
