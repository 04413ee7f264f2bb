package io.github.cameldeck.examples.quarkus;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.github.cameldeck.model.TaskRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * camel-deck in Camel Quarkus, JVM mode, against the simulator: the component configured from application properties
 * (a key with '&amp;', '%', '+', '='), runTask from a ProducerTemplate, the taskRuns route consuming the run, and the
 * deck-run-task-action Kamelet from the camel-deck jar.
 */
@QuarkusTest
@QuarkusTestResource(SimulatorResource.class)
class DeckQuarkusTest {

    @Inject
    ProducerTemplate template;

    @Inject
    CompletedRuns completed;

    @Test
    void runsATaskAndConsumesTheCompletedRun() {
        TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&waitTimeout=30s&taskId="
                                           + SimulatorResource.taskId, Map.of("month", "2026-10"), TaskRun.class);

        assertThat(run.getStatusValue()).isEqualTo("completed");
        assertThat(run.getOutput()).isEqualTo(Map.of("balance", "1520.33 USD"));
        await().atMost(20, TimeUnit.SECONDS).until(() -> completed.byId().containsKey(run.getId()));
        assertThat(SimulatorResource.sim.taskRun(run.getId()).input().path("month").asText()).isEqualTo("2026-10");
    }

    @Test
    void runsATaskThroughTheKamelet() {
        TaskRun run = template.requestBody("kamelet:deck-run-task-action?apiKey=RAW(" + SimulatorResource.KEY
                                           + ")&baseUrl=" + SimulatorResource.sim.baseUrl() + "&taskId="
                                           + SimulatorResource.taskId, Map.of("month", "2026-11"), TaskRun.class);

        assertThat(run.getStatusValue()).isEqualTo("completed");
        assertThat(SimulatorResource.sim.taskRun(run.getId()).input().path("month").asText()).isEqualTo("2026-11");
    }
}
