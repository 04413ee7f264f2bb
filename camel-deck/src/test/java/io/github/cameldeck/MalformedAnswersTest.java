package io.github.cameldeck;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Truncated JSON, proxy pages, wrong content types, empty bodies and unknown fields: retried or read, never lost. */
class MalformedAnswersTest extends DeckTestSupport {

    @AfterEach
    void noFaults() {
        sim().faults().reset();
    }

    @Test
    void aRunIsStartedOnceThroughMalformedAnswers() {
        Task task = quickTask();
        // truncated JSON, then a proxy's HTML page, then JSON declared as text/plain
        sim().faults().malformedResponses(1.0).onlyFor("POST /v2/tasks");

        TaskRun run = template.requestBody("deck:runTask?taskId=" + task.id(), Map.of("a", 1), TaskRun.class);

        assertThat(run.getId()).startsWith("trun_");
        assertThat(sim().stats().requests("POST /v2/tasks/{id}/run")).isEqualTo(3);
        assertThat(sim().runCount()).isEqualTo(1);
    }

    @Test
    void aMalformedAnswerGivesAClearErrorWhenRetriesRunOut() {
        Task task = quickTask();
        TaskRun run = template.requestBody("deck:runTask?taskId=" + task.id(), null, TaskRun.class);
        sim().faults().malformedResponses(1.0).onlyFor("GET /v2/task-runs");

        Exchange truncated = template.request("deck:getTaskRun?maxRetries=0&runId=" + run.getId(), e -> {
        });
        Exchange proxyPage = template.request("deck:getTaskRun?maxRetries=0&runId=" + run.getId(), e -> {
        });

        DeckApiException first = (DeckApiException) truncated.getException();
        assertThat(first.getHttpResponseCode()).isEqualTo(200);
        assertThat(first.getMessage()).startsWith("Deck answered HTTP 200 to GET /task-runs/" + run.getId()
                + " with a body that is not the expected JSON");
        DeckApiException second = (DeckApiException) proxyPage.getException();
        assertThat(second.getHttpResponseCode()).isEqualTo(502);
        assertThat(second.getMessage()).contains("(text/html): 502 Bad Gateway");
        // text/plain and unknown fields are read as they are
        assertThat(
                template.requestBody("deck:getTaskRun?maxRetries=0&runId=" + run.getId(), null, TaskRun.class).getId())
                .isEqualTo(run.getId());
        Exchange empty = template.request("deck:getTaskRun?maxRetries=0&runId=" + run.getId(), e -> {
        });
        assertThat(empty.getException())
                .hasMessageContaining("with a body that is not the expected JSON and an empty body");
        // fields Deck adds later are kept
        assertThat(template.requestBody("deck:getTaskRun?maxRetries=0&runId=" + run.getId(), null, TaskRun.class)
                .getAdditionalProperty("priority_class")).isEqualTo("expedited");
    }

    @Test
    void theConsumerKeepsItsPositionThroughMalformedAnswers() throws Exception {
        Task task = quickTask();
        List<String> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=50&pageSize=5&maxRetries=1")
                        .process(e -> received.add(e.getIn().getBody(TaskRun.class).getId()));
            }
        });
        sim().faults().seed(3).malformedResponses(0.4).onlyFor("GET /v2/");

        for (int i = 0; i < 30; i++) {
            sim().startRun(task.id(), Map.of("i", i));
            if (i % 5 == 4) {
                awaitPolls(context, 1); // the runs arrive in batches between polls
            }
        }

        await().atMost(30, TimeUnit.SECONDS).until(() -> received.size() >= 30);
        awaitPolls(context, 5); // some polls fail on purpose
        assertThat(sim().stats().faultsInjected()).isGreaterThan(5);
        assertThat(received).hasSize(30).doesNotHaveDuplicates();
        assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted())
                .isTrue();
    }
}
