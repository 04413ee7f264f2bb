package io.github.cameldeck.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.TaskRunState;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunTaskTest extends DeckTestSupport {

    public static class Dates {
        private final String checkInDate;

        public Dates(String checkInDate) {
            this.checkInDate = checkInDate;
        }

        public String getCheckInDate() {
            return checkInDate;
        }
    }

    @Test
    void startsARunWithAMapBodyAndSetsTheRunHeaders() {
        Task task = quickTask();

        Exchange out = template.request("deck:runTask?taskId=" + task.id() + "&credentialId=" + credential.id(),
                e -> e.getIn().setBody(Map.of("month", "2026-10")));

        assertThat(out.getException()).isNull();
        TaskRun run = out.getMessage().getBody(TaskRun.class);
        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.QUEUED);
        assertThat(run.getTaskId()).isEqualTo(task.id());
        assertThat(run.getCredentialId()).isEqualTo(credential.id());
        assertThat(out.getMessage().getHeader(DeckConstants.RUN_ID)).isEqualTo(run.getId());
        assertThat(out.getMessage().getHeader(DeckConstants.RUN_STATUS)).isEqualTo("queued");
        assertThat(out.getMessage().getHeader(DeckConstants.TASK_ID)).isEqualTo(task.id());
        assertThat(out.getMessage().getHeader(DeckConstants.REQUEST_ID, String.class)).startsWith("req_");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(DeckConstants.RUN_RESULT);

        TaskRunState state = sim().taskRun(run.getId());
        assertThat(state.input().get("month").asText()).isEqualTo("2026-10");
        assertThat(state.credentialId()).isEqualTo(credential.id());
    }

    @Test
    void acceptsEveryBodyTypeAsTaskInput() {
        Task task = quickTask();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("check_in_date", "2026-04-01");
        List<Object> bodies = List.of(
                map,
                JsonNodeFactory.instance.objectNode().put("check_in_date", "2026-04-01"),
                "{\"check_in_date\": \"2026-04-01\"}",
                "{\"check_in_date\": \"2026-04-01\"}".getBytes(),
                new Dates("2026-04-01"));

        for (Object body : bodies) {
            TaskRun run = template.requestBody("deck:runTask?taskId=" + task.id(), body, TaskRun.class);
            TaskRunState state = sim().taskRun(run.getId());
            String field = body instanceof Dates ? "checkInDate" : "check_in_date";
            assertThat(state.input().get(field).asText()).as(body.getClass().getSimpleName()).isEqualTo("2026-04-01");
        }
        assertThat(sim().runCount()).isEqualTo(bodies.size());
    }

    @Test
    void runsWithoutInputWhenTheBodyIsEmpty() {
        Task task = quickTask();

        TaskRun run = template.requestBody("deck:runTask?taskId=" + task.id(), null, TaskRun.class);

        assertThat(run.getId()).startsWith("trun_");
        assertThat(sim().taskRun(run.getId()).input() == null || sim().taskRun(run.getId()).input().isNull()).isTrue();
    }

    @Test
    void headersOverrideTheOptions() {
        Task configured = quickTask();
        Task fromHeader = quickTask();

        Exchange out = template.request("deck:runTask?taskId=" + configured.id(), e -> {
            e.getIn().setHeader(DeckConstants.TASK_ID, fromHeader.id());
            e.getIn().setHeader(DeckConstants.SOURCE_ID, source.id());
            e.getIn().setHeader(DeckConstants.IDEMPOTENCY_KEY, "order-7781");
            e.getIn().setBody(Map.of("a", 1));
        });

        TaskRun run = out.getMessage().getBody(TaskRun.class);
        assertThat(run.getTaskId()).isEqualTo(fromHeader.id());
        assertThat(sim().taskRun(run.getId()).sourceId()).isEqualTo(source.id());

        // the same key and body again is a replay of the first run, not a second run
        TaskRun again = template.request("deck:runTask?taskId=" + configured.id(), e -> {
            e.getIn().setHeader(DeckConstants.TASK_ID, fromHeader.id());
            e.getIn().setHeader(DeckConstants.SOURCE_ID, source.id());
            e.getIn().setHeader(DeckConstants.IDEMPOTENCY_KEY, "order-7781");
            e.getIn().setBody(Map.of("a", 1));
        }).getMessage().getBody(TaskRun.class);
        assertThat(again.getId()).isEqualTo(run.getId());
        assertThat(sim().runCount()).isEqualTo(1);
    }

    @Test
    void reusesASessionFromTheSessionHeader() throws Exception {
        Task task = quickTask();
        TaskRun first = template.requestBody("deck:runTask?taskId=" + task.id() + "&waitForCompletion=true", null,
                TaskRun.class);
        assertThat(first.getSessionId()).startsWith("sess_");

        TaskRun second = template.requestBodyAndHeader("deck:runTask?taskId=" + task.id(), null,
                DeckConstants.SESSION_ID, first.getSessionId(), TaskRun.class);

        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(sim().taskRun(second.getId()).sessionId()).isIn(null, first.getSessionId());
    }

    @Test
    void theOperationHeaderSwitchesTheOperation() {
        Task task = quickTask();
        TaskRun run = template.requestBody("deck:runTask?taskId=" + task.id(), null, TaskRun.class);

        Exchange out = template.request("deck:runTask?taskId=" + task.id(), e -> {
            e.getIn().setHeader(DeckConstants.OPERATION, "getTaskRun");
            e.getIn().setHeader(DeckConstants.RUN_ID, run.getId());
        });

        assertThat(out.getMessage().getBody(TaskRun.class).getId()).isEqualTo(run.getId());
        assertThat(sim().runCount()).as("no second run was started").isEqualTo(1);
    }
}
