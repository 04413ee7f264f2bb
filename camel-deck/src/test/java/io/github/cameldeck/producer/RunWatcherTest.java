package io.github.cameldeck.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckComponent;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.client.RunWatcher;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * waitForCompletion through the organization's run watcher: many waits cost what a few cost, counted in requests.
 */
class RunWatcherTest extends DeckTestSupport {

    private static final int RUNS = 60;

    @Test
    void manyWaitsCostAboutWhatOneCosts() {
        Task task = task("Two seconds",
                Scenario.completesAfter(Duration.ofSeconds(2)).withQueueTime(Duration.ofMillis(50)));
        List<CompletableFuture<TaskRun>> waits = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            waits.add(template.asyncRequestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(),
                    Map.of("n", i), TaskRun.class));
        }

        assertThat(waits).allSatisfy(w -> assertThat(w.join().getStatus()).isEqualTo(TaskRunStatus.COMPLETED));
        long reads = context.getEndpoint("deck:runTask", DeckEndpoint.class).getRunWatcher().reads();
        long eventPages = sim().stats().requests("GET /v2/events");
        long runReads = sim().stats().requests("GET /v2/task-runs/{id}") + sim().stats().requests("GET /v2/task-runs");
        assertThat(eventPages).as("one event-log page per watcher read").isEqualTo(reads);
        assertThat(runReads).as("runs fetched in bulk, not one request per wait").isLessThan(RUNS / 4);
        assertThat(reads).as("a read per second while runs wait").isLessThan(RUNS / 4);
    }

    @Test
    void moreThanAThousandWaitsAtOnceAreHeld() {
        RunWatcher watcher = context.getEndpoint("deck:runTask", DeckEndpoint.class).getRunWatcher();
        List<CompletableFuture<TaskRun>> waits = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            TaskRun run = new TaskRun();
            run.setId("trun_WAIT" + i);
            run.setStatusValue("running");
            waits.add(watcher.waitFor(run, TimeUnit.HOURS.toMillis(1)));
        }

        assertThat(waits).noneMatch(CompletableFuture::isDone);
        assertThat(watcher.waiting()).isEqualTo(1500);
    }

    @Test
    void waitsOutlastAnEventLogThatFails() {
        Task task = task("One second",
                Scenario.completesAfter(Duration.ofSeconds(1)).withQueueTime(Duration.ofMillis(10)));
        sim().faults().serverErrors(1.0).onlyFor("GET /v2/events");

        CompletableFuture<TaskRun> wait = template.asyncRequestBody(
                "deck:runTask?waitForCompletion=true&maxRetries=0&taskId=" + task.id(), Map.of(), TaskRun.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> sim().stats().faultsInjected() >= 3);
        assertThat(wait).as("failed reads of the event log are read again, the wait goes on").isNotDone();
        sim().faults().reset();

        assertThat(wait.join().getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
    }

    @Test
    void aRestartOfTheContextEndsOpenWaitsAndLaterWaitsWork() {
        Task hangs = task("Hangs", Scenario.hangs().withQueueTime(Duration.ofMillis(10)));
        CompletableFuture<TaskRun> open = template.asyncRequestBody(
                "deck:runTask?waitForCompletion=true&taskId=" + hangs.id(), Map.of(), TaskRun.class);
        RunWatcher before = context.getEndpoint("deck:runTask", DeckEndpoint.class).getRunWatcher();
        await().atMost(Duration.ofSeconds(20)).until(() -> before.waiting() == 1);

        context.stop();
        assertThat(open).isCompletedExceptionally();
        assertThatThrownBy(open::join).rootCause().hasMessageContaining("the application is stopping");

        context.start();
        // a stopped CamelContext drops its components: the new deck component needs its settings again
        DeckComponent deck = context.getComponent("deck", DeckComponent.class);
        deck.getConfiguration().setApiKey(sim().apiKey());
        deck.getConfiguration().setBaseUrl(sim().baseUrl());
        Task quick = task("Quick",
                Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(10)));
        TaskRun run = context.createProducerTemplate().requestBody(
                "deck:runTask?waitForCompletion=true&taskId=" + quick.id(), Map.of(), TaskRun.class);

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        assertThat(context.getEndpoint("deck:runTask", DeckEndpoint.class).getRunWatcher()).isNotSameAs(before);
    }

    @Test
    void cancelOnWaitTimeoutCancelsTheRun() {
        Task task = task("Hangs", Scenario.hangs().withQueueTime(Duration.ofMillis(10)));

        TaskRun run = template.requestBody(
                "deck:runTask?waitForCompletion=true&waitTimeout=500&cancelOnWaitTimeout=true&taskId=" + task.id(),
                Map.of(), TaskRun.class);

        assertThat(run.getStatus()).isIn(TaskRunStatus.CANCELING, TaskRunStatus.CANCELED);
        assertThat(sim().taskRun(run.getId()).status()).isIn("canceling", "cancelling", "canceled");
    }

    @Test
    void withoutCancelOnWaitTimeoutTheRunGoesOn() {
        Task task = task("Hangs", Scenario.hangs().withQueueTime(Duration.ofMillis(10)));

        TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&waitTimeout=500&taskId=" + task.id(),
                Map.of(), TaskRun.class);

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.RUNNING);
        assertThat(sim().stats().requests("POST /v2/task-runs/{id}/cancel")).isZero();
    }
}
