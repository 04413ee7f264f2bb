package io.github.cameldeck.reliability;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the consuming JVM with SIGKILL (kill -9) at random moments while runs complete, restarts it on the same file
 * repository, and counts across all its lives: nothing may be lost, and only an exchange in flight at a kill may be
 * emitted again.
 */
class RestartTest {

    @TempDir
    Path dir;

    private Process startConsumer(DeckSimulator sim, File repository, File output, int life) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Dreliability.log.name=consumer-life-" + life,
                "-cp", System.getProperty("java.class.path"),
                ConsumerProcess.class.getName(), sim.baseUrl(), sim.apiKey(), repository.getPath(), output.getPath());
        builder.redirectErrorStream(true);
        builder.redirectOutput(dir.resolve("consumer-life-" + life + ".log").toFile());
        return builder.start();
    }

    @Test
    void nothingIsLostOrDoubledAcrossKills() throws Exception {
        int kills = Integer.getInteger("restart.kills", 4);
        int runs = 400;
        Random random = new Random(7);
        DeckSimulator sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start();
        String agent = sim.createAgent("Restart").id();
        List<Task> tasks = List.of(
                sim.createTask(agent, "quick",
                        Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(20))),
                sim.createTask(agent, "slow",
                        Scenario.completesAfter(Duration.ofSeconds(4)).withQueueTime(Duration.ofMillis(20))));
        File repository = dir.resolve("deck-runs.dat").toFile();
        File output = dir.resolve("emitted.txt").toFile();
        Set<String> started = ConcurrentHashMap.newKeySet();
        Thread feeder = new Thread(() -> {
            for (int i = 0; i < runs; i++) {
                started.add(sim.startRun(tasks.get(i % 2).id(), Map.of("i", i)).id());
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long begin = System.nanoTime();
        feeder.start();
        int lives = 0;
        int emittedBeforeLastLife = 0;
        try {
            for (int kill = 0; kill < kills; kill++) {
                int before = lines(output);
                Process consumer = startConsumer(sim, repository, output, ++lives);
                // kill mid-stream: once this life has emitted something, at a random moment soon after
                long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (lines(output) == before && System.nanoTime() < ready) {
                    Thread.sleep(20);
                }
                Thread.sleep(random.nextInt(1500));
                consumer.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                assertThat(consumer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            feeder.join();
            emittedBeforeLastLife = output.exists() ? Files.readAllLines(output.toPath()).size() : 0;
            Process last = startConsumer(sim, repository, output, ++lives);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && distinct(output).size() < runs) {
                Thread.sleep(250);
            }
            Thread.sleep(2000);
            last.destroy();
            last.waitFor(20, TimeUnit.SECONDS);
        } finally {
            feeder.interrupt();
            sim.stop();
        }
        List<String> lines = output.exists() ? Files.readAllLines(output.toPath()) : List.of();
        Map<String, Integer> counts = new HashMap<>();
        lines.stream().filter(l -> !l.isBlank()).forEach(id -> counts.merge(id, 1, Integer::sum));
        long doubled = counts.values().stream().filter(c -> c > 1).count();
        long lost = started.stream().filter(id -> !counts.containsKey(id)).count();
        new Figures("Restart: the consuming JVM killed with kill -9 " + kills + " times")
                .add("runs created", started.size())
                .add("consumer lives (JVMs started)", lives)
                .add("kill -9", kills)
                .add("runs emitted by the lives that were killed", emittedBeforeLastLife)
                .add("runs emitted (distinct, all lives)", counts.size())
                .add("runs emitted twice (in flight at a kill)", doubled)
                .add("runs lost", lost)
                .add("wall time", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin) + " s")
                .publish();

        assertThat(emittedBeforeLastLife).as("the killed lives did work").isGreaterThan(0);
        assertThat(lost).as("lost").isZero();
        assertThat(doubled).as("at most the one exchange in flight at each kill").isLessThanOrEqualTo(kills);
    }

    private static int lines(File output) throws Exception {
        return output.exists() ? Files.readAllLines(output.toPath()).size() : 0;
    }

    private static Set<String> distinct(File output) throws Exception {
        return output.exists() ? Set.copyOf(Files.readAllLines(output.toPath())) : Set.of();
    }
}
