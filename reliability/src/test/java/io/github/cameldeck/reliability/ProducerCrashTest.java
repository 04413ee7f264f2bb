package io.github.cameldeck.reliability;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.TaskRunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a producing JVM (a camel-file inbox feeding deck:runTask) with SIGKILL between Deck's answer and the
 * acknowledgement of its input, again and again, and counts Deck's runs per input across all its lives. With the
 * Idempotency-Key taken from the input's own identity (the guide's crash-safe runTask) Deck holds exactly one run per
 * input; with the default key, derived from the exchange id, each kill in that window starts one more run.
 */
class ProducerCrashTest {

    private static final int INPUTS = 40;

    @TempDir
    Path dir;

    private DeckSimulator sim;
    private String agent;

    @BeforeEach
    void startDeck() {
        sim = DeckSimulator.builder().rateLimit(0, Duration.ZERO).build().start();
        agent = sim.createAgent("Producer crash").id();
    }

    @AfterEach
    void stopDeck() {
        sim.stop();
    }

    @Test
    void oneRunPerInputWithTheInputsOwnKey() throws Exception {
        Outcome business = crash("business");
        Outcome byDefault = crash("default");
        new Figures("Producer crash: a file inbox feeding runTask, kill -9 between Deck's answer and the input's"
                + " acknowledgement")
                .add("inputs (files)", INPUTS)
                .add("kill -9 (each mode)", business.kills())
                .add("kills that landed in the window (input answered, not acknowledged)",
                        business.killsInWindow() + " / " + byDefault.killsInWindow())
                .add("business key: runs requested (POSTs)", business.requested())
                .add("business key: runs created", business.created())
                .add("business key: inputs started more than once", business.doubled())
                .add("business key: runs beyond one per input", business.created() - INPUTS)
                .add("default key: runs requested (POSTs)", byDefault.requested())
                .add("default key: runs created", byDefault.created())
                .add("default key: inputs started more than once", byDefault.doubled())
                .add("default key: runs beyond one per input", byDefault.created() - INPUTS)
                .publish();

        assertThat(business.killsInWindow()).as("kills that landed in the window").isGreaterThan(0);
        assertThat(business.inputsLeft()).as("inputs left in the inbox").isZero();
        assertThat(business.created()).as("runs created with the business key").isEqualTo(INPUTS);
        assertThat(business.doubled()).as("double starts with the business key").isZero();
        assertThat(byDefault.inputsLeft()).isZero();
        assertThat(byDefault.created() - INPUTS).as("the default key starts a killed input's run again")
                .isEqualTo(byDefault.killsInWindow());
    }

    private record Outcome(int kills, int killsInWindow, long requested, int created, long doubled, int inputsLeft) {
    }

    private Outcome crash(String keyMode) throws Exception {
        int kills = Integer.getInteger("producer.kills", 10);
        Random random = new Random(11);
        Task task = sim.createTask(agent, "orders-" + keyMode,
                Scenario.completesAfter(Duration.ofMillis(200)).withQueueTime(Duration.ofMillis(10)));
        Path inbox = Files.createDirectories(dir.resolve("inbox-" + keyMode));
        for (int i = 0; i < INPUTS; i++) {
            Files.writeString(inbox.resolve(String.format("o-%03d.json", i)), "{\"order\":\"o-" + i + "\"}");
        }
        File answers = dir.resolve("answers-" + keyMode + ".txt").toFile();
        long requestsBefore = sim.stats().requests("POST /v2/tasks/{id}/run");
        int killsInWindow = 0;
        int lives = 0;
        for (int kill = 0; kill < kills; kill++) {
            int before = lines(answers).size();
            Process producer = start(task, inbox, answers, keyMode, ++lives);
            // a kill right after an answer: this life answers 1 to 3 inputs, then dies in the 200 ms that follow
            int target = before + 1 + random.nextInt(3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines(answers).size() < target && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            producer.destroyForcibly();
            assertThat(producer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<String> answered = lines(answers);
            String last = answered.get(answered.size() - 1).split(" ")[0];
            if (Files.exists(inbox.resolve(last))) {
                killsInWindow++;
            }
        }
        Process last = start(task, inbox, answers, keyMode, ++lives);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && inputsLeft(inbox) > 0) {
            Thread.sleep(50);
        }
        last.destroy();
        last.waitFor(20, TimeUnit.SECONDS);

        List<TaskRunState> runs = sim.taskRuns().stream().filter(r -> r.taskId().equals(task.id())).toList();
        Map<String, Long> runsPerOrder = runs.stream()
                .collect(Collectors.groupingBy(r -> r.input().path("order").asText(), Collectors.counting()));
        long doubled = runsPerOrder.values().stream().filter(n -> n > 1).count();
        return new Outcome(kills, killsInWindow, sim.stats().requests("POST /v2/tasks/{id}/run") - requestsBefore,
                runs.size(), doubled, inputsLeft(inbox));
    }

    private Process start(Task task, Path inbox, File answers, String keyMode, int life) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m",
                "-Dreliability.log.name=producer-" + keyMode + "-life-" + life,
                "-cp", System.getProperty("java.class.path"), ProducerProcess.class.getName(),
                sim.baseUrl(), sim.apiKey(), task.id(), inbox.toString(), answers.getPath(), keyMode);
        builder.redirectErrorStream(true);
        builder.redirectOutput(dir.resolve("producer-" + keyMode + "-life-" + life + ".log").toFile());
        return builder.start();
    }

    private static int inputsLeft(Path inbox) throws Exception {
        try (var files = Files.list(inbox)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }

    private static List<String> lines(File file) throws Exception {
        return file.exists()
                ? Files.readAllLines(file.toPath()).stream().filter(l -> !l.isBlank()).toList()
                : List.of();
    }
}
