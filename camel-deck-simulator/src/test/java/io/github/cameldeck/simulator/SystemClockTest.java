package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With the system clock a background ticker moves runs on even when nobody asks. */
class SystemClockTest {

    @Test
    void runsProgressWithoutRequests() throws InterruptedException {
        try (DeckSimulator sim = DeckSimulator.builder().build().start()) {
            Task task = sim.createTask(sim.createAgent("a").id(), "t",
                    Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(50)));
            sim.startRun(task.id(), null);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            List<SimulatorEvent> events = sim.events();
            while (System.nanoTime() < deadline) {
                Thread.sleep(50);
                // read events directly: this does not process transitions, only the ticker does
                events = sim.events();
                if (events.stream().anyMatch(e -> e.type().equals("task_run.completed"))) {
                    break;
                }
            }
            assertThat(events).extracting(SimulatorEvent::type).contains("task_run.completed");
        }
    }
}
