package io.github.cameldeck.producer;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAndIdempotencyTest extends DeckTestSupport {

    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void noFaults() {
        sim().faults().reset();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // Camel's own redelivery sends the same exchange to Deck again
                from("direct:redelivered")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(5).redeliveryDelay(10)
                                .onRedelivery(e -> {
                                    attempts.incrementAndGet();
                                    sim().faults().reset();
                                }))
                        .to("deck:runTask?maxRetries=0");
            }
        };
    }

    @Test
    void retriedRequestsUnderServerErrorsAndLostAnswersStartEachRunOnce() {
        Task task = quickTask();
        sim().faults().seed(7).serverErrors(0.3).dropAfterProcessing(0.2).onlyFor("POST /v2/tasks");

        for (int i = 0; i < 20; i++) {
            TaskRun run = template.requestBody("deck:runTask?maxRetries=10&taskId=" + task.id(),
                    java.util.Map.of("n", i),
                    TaskRun.class);
            assertThat(run.getId()).startsWith("trun_");
        }

        assertThat(sim().stats().faultsInjected()).as("faults were injected").isGreaterThan(3);
        assertThat(sim().stats().idempotentReplays()).as("some answers were lost and replayed").isGreaterThan(0);
        assertThat(sim().runCount()).as("exactly one run per exchange").isEqualTo(20);
    }

    @Test
    void aRedeliveredExchangeDoesNotStartASecondRun() {
        Task task = quickTask();
        // the first answer is lost after Deck started the run; Camel redelivers the exchange
        sim().faults().seed(1).dropAfterProcessing(1.0).onlyFor("POST /v2/tasks");
        Exchange out = template.request("direct:redelivered", e -> {
            e.getIn().setHeader(DeckConstants.TASK_ID, task.id());
            e.getIn().setBody("{\"a\": 1}");
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(TaskRun.class).getId()).isNotNull();
        assertThat(attempts.get()).as("Camel redelivered once").isEqualTo(1);
        assertThat(sim().stats().idempotentReplays()).isEqualTo(1);
        assertThat(sim().runCount()).isEqualTo(1);
    }

    @Test
    void gives429AndServerErrorsUpAfterMaxRetries() {
        Task task = quickTask();
        sim().faults().serverErrors(1.0);

        Exchange out = template.request("deck:runTask?maxRetries=2&taskId=" + task.id(), e -> {
        });

        assertThat(out.getException()).isInstanceOf(DeckApiException.class);
        DeckApiException e = (DeckApiException) out.getException();
        assertThat(e.getHttpResponseCode()).isIn(500, 502, 503);
        assertThat(e.getMessage()).contains("gave up after 2 retries").contains("POST /tasks/" + task.id() + "/run");
        assertThat(sim().stats().requests("POST /v2/tasks/{id}/run")).isEqualTo(3);
    }

    @Test
    void neverRetriesA404() {
        Exchange out = template.request("deck:getTaskRun?runId=trun_missing", e -> {
        });

        DeckApiException e = (DeckApiException) out.getException();
        assertThat(e.getHttpResponseCode()).isEqualTo(404);
        assertThat(e.getHttpResponseCode()).isEqualTo(404);
        assertThat(e.getErrorCode()).isEqualTo("task_run_not_found");
        assertThat(e.getErrorType()).isEqualTo("request");
        assertThat(e.getRequestId()).startsWith("req_");
        assertThat(e.getMessage()).contains("404").contains("task_run_not_found").contains(e.getRequestId());
        assertThat(sim().stats().requests("GET /v2/task-runs/{id}")).isEqualTo(1);
    }
}
