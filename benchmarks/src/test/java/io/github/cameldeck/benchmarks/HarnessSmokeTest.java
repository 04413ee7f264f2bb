package io.github.cameldeck.benchmarks;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.ManualClock;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.SimulatorClock;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that every side the benchmark compares does what it is measured doing (no timing: the figures come from
 * {@code exec:exec}, see BENCHMARKS.md).
 */
class HarnessSmokeTest {

    @Test
    void everyRunTaskClientStartsOneRun() throws Exception {
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start()) {
            Task task = sim.createTask(sim.createAgent("smoke").id(), "Smoke",
                    Scenario.defaults().withQueueTime(Duration.ofHours(1)));
            for (String name : List.of(RunTaskClients.CAMEL_DECK, RunTaskClients.JDK, RunTaskClients.CAMEL_HTTP,
                    RunTaskClients.HC5)) {
                try (RunTaskClients.Client client = RunTaskClients.create(name, sim.baseUrl(), sim.apiKey(),
                        task.id())) {
                    String id = client.runTask(Map.of("month", "2026-10"));
                    assertThat(id).as(name).startsWith("trun_");
                    assertThat(sim.taskRun(id).input().get("month").asText()).as(name).isEqualTo("2026-10");
                }
            }
            // each sent its own Idempotency-Key: four runs, no replay
            assertThat(sim.runCount()).isEqualTo(4);
            assertThat(sim.stats().idempotentReplays()).isZero();
        }
    }

    @Test
    void bothDrainSidesHandleEveryRunOnce() throws Exception {
        ManualClock clock = SimulatorClock.manual(Instant.now().minus(Duration.ofMinutes(10)));
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).clock(clock).build().start()) {
            Task task = sim.createTask(sim.createAgent("smoke").id(), "Backlog",
                    Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ZERO));
            for (int i = 0; i < 250; i++) {
                sim.startRun(task.id(), Map.of("n", i));
            }
            sim.advance(Duration.ofSeconds(1));
            for (String side : List.of("loop", "deck")) {
                DrainWorker.Result result = DrainWorker.run(side, sim.baseUrl(), sim.apiKey(), 250, 60, 100, 0,
                        () -> {
                        });
                assertThat(result.drained()).as(side).isEqualTo(250);
                assertThat(result.liveAtEnd()).as(side).isPositive();
                assertThat(DrainWorker.Result.parse(result.toLine())).isEqualTo(result);
            }
        }
    }

    @Test
    void everyDownloadSideWritesTheFileOfFileContent(@TempDir Path dir) throws Exception {
        try (DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO)
                .clock(SimulatorClock.manual(Instant.now())).build().start()) {
            List<StorageItem> items = DownloadBenchmark.storedItems(sim, 3 << 20);
            String expected;
            try (InputStream content = sim.fileContent(items.get(0).id())) {
                expected = DownloadBenchmark.sha256(content);
            }
            for (String side : List.of(FileDownload.JDK, FileDownload.DECK, FileDownload.DECK_STREAMED)) {
                Path target = dir.resolve(side).resolve("large.pdf");
                Files.createDirectories(target.getParent());
                DownloadWorker.Result result = DownloadWorker.run(side, sim.baseUrl(), sim.apiKey(),
                        items.get(0).id(), items.get(1).id(), target, () -> {
                        });
                try (InputStream written = Files.newInputStream(target)) {
                    assertThat(DownloadBenchmark.sha256(written)).as(side).isEqualTo(expected);
                }
                assertThat(result.idleLive()).as(side).isPositive();
                assertThat(DownloadWorker.Result.parse(result.toLine())).isEqualTo(result);
            }
            // each side: the warm-up item, then the large one, each read once
            assertThat(sim.stats().downloads().completed()).isEqualTo(6);
        }
    }

    @Test
    void optionsAndStats() {
        Options quick = Options.parse("quick,parts=runTask:drain");
        assertThat(quick.list("backlogs")).containsExactly("2000", "5000");
        assertThat(quick.part("drain")).isTrue();
        assertThat(quick.part("idle")).isFalse();
        assertThat(quick.longValue("downloadBytes")).isEqualTo(64L << 20);
        assertThat(Options.parse("").longValue("downloadBytes")).isEqualTo(1L << 30);
        assertThat(Stats.percentile(new long[]{5, 1, 4, 2, 3}, 50)).isEqualTo(3);
        assertThat(Stats.percentile(new long[]{5, 1, 4, 2, 3}, 99)).isEqualTo(5);
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0, 10.0))).isEqualTo(2.5);
    }
}
