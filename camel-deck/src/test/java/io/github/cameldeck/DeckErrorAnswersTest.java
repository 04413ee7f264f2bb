package io.github.cameldeck;

import java.util.Map;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The errors Deck answers with, as the user gets them: one test per row of the guide's bad-input table. */
class DeckErrorAnswersTest extends DeckTestSupport {

    private DeckApiException failure(String uri, Object body, Map<String, Object> headers) {
        Exchange out = template.request(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().getHeaders().putAll(headers);
        });
        assertThat(out.getException()).isInstanceOf(DeckApiException.class);
        return (DeckApiException) out.getException();
    }

    @Test
    void aTaskThatDoesNotExist() {
        DeckApiException e = failure("deck:runTask?taskId=task_missing", null, Map.of());
        assertThat(e.getHttpResponseCode()).isEqualTo(404);
        assertThat(e.getErrorCode()).isEqualTo("task_not_found");
        assertThat(e.getMessage())
                .startsWith("Deck answered HTTP 404 to POST /tasks/task_missing/run: request/task_not_found");
    }

    @Test
    void aSourceOnDecksBlocklist() {
        Task task = quickTask();
        Source blocked = sim().createSource("https://blocked.example.com");
        sim().blockSource(blocked.id());

        DeckApiException e = failure("deck:runTask?taskId=" + task.id() + "&sourceId=" + blocked.id(), null, Map.of());

        assertThat(e.getHttpResponseCode()).isEqualTo(403);
        assertThat(e.getErrorType()).isEqualTo("source");
        assertThat(e.getErrorCode()).isEqualTo("source_blocked");
        assertThat(sim().stats().requests("POST /v2/tasks/{id}/run")).as("403 is not retried").isEqualTo(1);
    }

    @Test
    void answeringARunThatAsksNothing() {
        Task task = quickTask();
        TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), null,
                TaskRun.class);

        DeckApiException e = failure("deck:submitInteraction?runId=" + run.getId(), Map.of("code", "123456"), Map.of());

        assertThat(e.getHttpResponseCode()).isEqualTo(409);
        assertThat(e.getErrorCode()).isEqualTo("interaction_not_pending");
    }

    @Test
    void cancelingAFinishedRun() {
        Task task = quickTask();
        TaskRun run = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), null,
                TaskRun.class);

        DeckApiException e = failure("deck:cancelTaskRun?runId=" + run.getId(), null, Map.of());

        assertThat(e.getHttpResponseCode()).isEqualTo(409);
        assertThat(e.getErrorCode()).isEqualTo("run_not_cancelable");
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBody() {
        Task task = quickTask();
        template.requestBodyAndHeader("deck:runTask?taskId=" + task.id(), Map.of("a", 1), DeckConstants.IDEMPOTENCY_KEY,
                "order-1");

        DeckApiException e = failure("deck:runTask?taskId=" + task.id(), Map.of("a", 2),
                Map.of(DeckConstants.IDEMPOTENCY_KEY, "order-1"));

        assertThat(e.getHttpResponseCode()).isEqualTo(409);
        assertThat(e.getErrorType()).isEqualTo("idempotency");
        assertThat(sim().runCount()).isEqualTo(1);
    }

    @Test
    void anInvalidCursor() {
        DeckApiException e = failure("deck:listTaskRuns", null, Map.of(DeckConstants.CURSOR, "not-a-cursor"));

        assertThat(e.getHttpResponseCode()).isEqualTo(400);
        assertThat(e.getErrorCode()).isEqualTo("cursor_invalid");
    }
}
