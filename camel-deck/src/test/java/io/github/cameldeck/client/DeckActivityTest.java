package io.github.cameldeck.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.support.Organization;
import io.github.cameldeck.support.Organizations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What an organization's activity records of its clients' work against the simulator: each attempt by outcome, a
 * failed call with Deck's request id and without the key, runs started and seen, bytes downloaded, and an observer that
 * throws kept away from the client.
 */
class DeckActivityTest extends DeckTestSupport {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private Organization organization() {
        context.getEndpoint("deck:getTaskRun", DeckEndpoint.class).getClient();
        return Organizations.of(context).byName().values().iterator().next();
    }

    @Test
    void recordsRequestsRunsFailuresAndDownloads() {
        Organization organization = organization();
        organization.activity().addObserver(new DeckClientObserver() {
            @Override
            public void runStarted(TaskRun run) {
                seen.add("started " + run.getId());
            }

            @Override
            public void runSeen(TaskRun run) {
                seen.add("seen " + run.getId() + " " + run.getStatusValue());
            }
        });
        organization.activity().addObserver(new DeckClientObserver() {
            @Override
            public void answered(DeckRequest request, int status, String errorCode, long elapsedNanos) {
                throw new IllegalStateException("a broken observer");
            }
        });
        Task task = task("Statements", Scenario.completesAfter(Duration.ofMillis(100))
                .withQueueTime(Duration.ofMillis(10)).withFiles(List.of(StorageFile.pdf("statement.pdf", 50_000))));
        DeckActivity.Snapshot before = organization.activity().snapshot();
        long requestsBefore = sim().stats().totalRequests();

        TaskRun started = template.requestBody("deck:runTask?taskId=" + task.id(), Map.of("month", "2026-11"),
                TaskRun.class);
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(started.getId()).status()));
        String storageId = sim().taskRun(started.getId()).storage().get(0).id();
        byte[] file = template.requestBody("deck:downloadStorage?storageId=" + storageId, null, byte[].class);
        assertThatThrownBy(() -> template.requestBody("deck:getTaskRun?runId=run_missing", (Object) null))
                .hasCauseInstanceOf(DeckApiException.class);
        TaskRun read = template.requestBody("deck:getTaskRun?runId=" + started.getId(), null, TaskRun.class);

        DeckActivity.Snapshot after = organization.activity().snapshot();
        assertThat(file).hasSize(50_000);
        assertThat(after.requests() - before.requests()).isEqualTo(sim().stats().totalRequests() - requestsBefore);
        assertThat(after.clientErrors() - before.clientErrors()).isEqualTo(1);
        assertThat(after.failedCalls() - before.failedCalls()).isEqualTo(1);
        assertThat(after.runsStarted() - before.runsStarted()).isEqualTo(1);
        assertThat(after.bytesDownloaded() - before.bytesDownloaded()).isEqualTo(50_000);
        assertThat(seen).containsExactly("seen " + started.getId() + " queued", "started " + started.getId(),
                "seen " + read.getId() + " completed");

        DeckActivity.RecentError error = after.recentErrors().get(after.recentErrors().size() - 1);
        assertThat(error.method()).isEqualTo("GET");
        assertThat(error.path()).isEqualTo("/task-runs/run_missing");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.errorCode()).isNotBlank();
        assertThat(error.requestId()).startsWith("req_");
        assertThat(error.message()).doesNotContain(sim().apiKey());
    }
}
