package io.github.cameldeck.producer;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** getTaskRun, cancelTaskRun and listTaskRuns against the simulator. */
class RunOperationsTest extends DeckTestSupport {

    @Test
    void getTaskRunReadsTheRunWithTheIncludedSections() {
        Task task = quickTask();
        TaskRun started = template.requestBody("deck:runTask?taskId=" + task.id() + "&waitForCompletion=true",
                java.util.Map.of("k", "v"), TaskRun.class);
        assertThat(started.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);

        TaskRun plain = template.requestBodyAndHeader("deck:getTaskRun", null, DeckConstants.RUN_ID, started.getId(),
                TaskRun.class);
        TaskRun full = template.requestBody("deck:getTaskRun?include=input,storage,artifacts&runId=" + started.getId(),
                null,
                TaskRun.class);

        assertThat(plain.getInput()).isNull();
        assertThat(plain.getArtifacts()).isNull();
        assertThat(full.getInput()).isEqualTo(java.util.Map.of("k", "v"));
        assertThat(full.getStorage()).isNotNull();
        assertThat(full.getArtifacts()).isNotNull();
        assertThat(full.getOutput()).isNotNull();
        assertThat(full.getResult()).isEqualTo("success");
    }

    @Test
    void cancelTaskRunCancelsARun() throws Exception {
        Task task = task("Hangs", Scenario.hangs().withQueueTime(Duration.ofMillis(10)));
        TaskRun run = template.requestBody("deck:runTask?taskId=" + task.id(), null, TaskRun.class);

        Exchange out = template.request("deck:cancelTaskRun",
                e -> e.getIn().setHeader(DeckConstants.RUN_ID, run.getId()));

        assertThat(out.getException()).isNull();
        TaskRun canceling = out.getMessage().getBody(TaskRun.class);
        assertThat(canceling.getStatus()).isIn(TaskRunStatus.CANCELING, TaskRunStatus.CANCELED);
        assertThat(out.getMessage().getHeader(DeckConstants.RUN_STATUS, String.class)).isIn("canceling", "canceled");
    }

    @Test
    void listTaskRunsReadsEveryPage() {
        Task a = quickTask();
        Task b = quickTask();
        for (int i = 0; i < 7; i++) {
            template.requestBody("deck:runTask?taskId=" + a.id(), null, TaskRun.class);
        }
        template.requestBody("deck:runTask?taskId=" + b.id(), null, TaskRun.class);

        @SuppressWarnings("unchecked")
        List<TaskRun> runs = template.requestBody("deck:listTaskRuns?pageSize=3&taskId=" + a.id(), null, List.class);

        assertThat(runs).hasSize(7);
        assertThat(runs.stream().map(TaskRun::getId).collect(Collectors.toSet())).hasSize(7);
        assertThat(runs).allMatch(r -> r.getTaskId().equals(a.id()));
        assertThat(sim().stats().requests("GET /v2/task-runs")).isEqualTo(3);
    }

    @Test
    void listTaskRunsReadsOnePageWhenACursorHeaderIsGiven() {
        Task task = quickTask();
        for (int i = 0; i < 5; i++) {
            template.requestBody("deck:runTask?taskId=" + task.id(), null, TaskRun.class);
        }

        Exchange first = template.request("deck:listTaskRuns?pageSize=2",
                e -> e.getIn().setHeader(DeckConstants.CURSOR, ""));
        assertThat(first.getMessage().getBody(List.class)).hasSize(2);
        assertThat(first.getMessage().getHeader(DeckConstants.HAS_MORE, Boolean.class)).isTrue();
        String cursor = first.getMessage().getHeader(DeckConstants.NEXT_CURSOR, String.class);
        assertThat(cursor).isNotBlank();

        Exchange second = template.request("deck:listTaskRuns?pageSize=2",
                e -> e.getIn().setHeader(DeckConstants.CURSOR, cursor));
        @SuppressWarnings("unchecked")
        List<TaskRun> page2 = second.getMessage().getBody(List.class);
        @SuppressWarnings("unchecked")
        List<TaskRun> page1 = first.getMessage().getBody(List.class);
        Set<String> ids = page1.stream().map(TaskRun::getId).collect(Collectors.toSet());
        assertThat(page2).hasSize(2).noneMatch(r -> ids.contains(r.getId()));
    }

    @Test
    void listTaskRunsFiltersByStatus() throws Exception {
        Task quick = quickTask();
        Task hangs = task("Hangs", Scenario.hangs().withQueueTime(Duration.ofMillis(10)));
        template.requestBody("deck:runTask?taskId=" + quick.id() + "&waitForCompletion=true", null, TaskRun.class);
        template.requestBody("deck:runTask?taskId=" + hangs.id(), null, TaskRun.class);

        @SuppressWarnings("unchecked")
        List<TaskRun> completed = template.requestBody("deck:listTaskRuns?status=completed", null, List.class);
        @SuppressWarnings("unchecked")
        List<TaskRun> active = template.requestBody("deck:listTaskRuns?status=queued,running", null, List.class);

        assertThat(completed).extracting(TaskRun::getTaskId).containsExactly(quick.id());
        assertThat(active).extracting(TaskRun::getTaskId).containsExactly(hangs.id());
    }

    @Test
    void theRunConvertsToJsonAndAMap() {
        Task task = quickTask();
        Exchange out = template.request("deck:runTask?taskId=" + task.id(), e -> e.getIn().setBody("{\"x\": 1}"));

        String json = out.getMessage().getBody(String.class);
        java.util.Map<?, ?> map = out.getMessage().getBody(java.util.Map.class);

        assertThat(json).contains("\"status\":\"queued\"").contains("\"task_id\":\"" + task.id() + "\"");
        assertThat(map.get("id")).isEqualTo(out.getMessage().getHeader(DeckConstants.RUN_ID));
        assertThat(context.getTypeConverter().convertTo(java.io.InputStream.class, out.getMessage().getBody()))
                .isNotNull();
    }
}
