package io.github.cameldeck.producer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaitForCompletionTest extends DeckTestSupport {

    @Test
    void waitsThroughAnInteractionToTheEnd() {
        Task task = task("Statements", Scenario.completesAfter(Duration.ofMillis(300))
                .withQueueTime(Duration.ofMillis(50))
                .withInteraction(Interaction.mfa("123456"))
                .withOutput(Map.of("balance", 42)));

        TaskRun needsCode = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), null,
                TaskRun.class);
        assertThat(needsCode.getStatus()).isEqualTo(TaskRunStatus.INTERACTION_REQUIRED);
        assertThat(needsCode.getInteraction().getFields().get(0).getName()).isEqualTo("code");

        Exchange done = template.request("deck:submitInteraction?waitForCompletion=true", e -> {
            e.getIn().setHeader(DeckConstants.RUN_ID, needsCode.getId());
            e.getIn().setBody(Map.of("code", "123456"));
        });

        assertThat(done.getException()).isNull();
        TaskRun run = done.getMessage().getBody(TaskRun.class);
        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        assertThat(run.getOutput()).isEqualTo(Map.of("balance", 42));
        assertThat(done.getMessage().getHeader(DeckConstants.RUN_RESULT)).isEqualTo("success");
    }

    @Test
    void aWrongAnswerReturnsTheNextInteraction() {
        Task task = task("Statements", Scenario.completesAfter(Duration.ofMillis(200))
                .withQueueTime(Duration.ofMillis(20))
                .withInteraction(Interaction.mfa("123456")));
        TaskRun needsCode = template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), null,
                TaskRun.class);

        TaskRun again = template.requestBodyAndHeader("deck:submitInteraction?waitForCompletion=true",
                "{\"code\":\"000000\"}",
                DeckConstants.RUN_ID, needsCode.getId(), TaskRun.class);

        assertThat(again.getStatus()).isEqualTo(TaskRunStatus.INTERACTION_REQUIRED);
        assertThat(again.getInteraction().getMessage()).contains("not accepted");
    }

    @Test
    void returnsTheRunAsItIsWhenTheWaitTimesOut() {
        Task task = task("Hangs", Scenario.hangs().withQueueTime(Duration.ofMillis(10)));

        Exchange out = template.request("deck:runTask?waitForCompletion=true&waitTimeout=1500&taskId=" + task.id(),
                e -> {
                });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(TaskRun.class).getStatus()).isEqualTo(TaskRunStatus.RUNNING);
        assertThat(sim().stats().requests("GET /v2/task-runs/{id}")).as("read once when the wait timed out").isBetween(
                1L,
                3L);
    }

    @Test
    void doesNotHoldTheCallingThreadWhileWaiting() throws Exception {
        Task task = task("Slow", Scenario.completesAfter(Duration.ofMillis(1500)).withQueueTime(Duration.ofMillis(10)));
        Producer producer = context.getEndpoint("deck:runTask?waitForCompletion=true&taskId=" + task.id())
                .createProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            CountDownLatch done = new CountDownLatch(1);

            boolean sync = ((AsyncProcessor) producer).process(exchange, doneSync -> done.countDown());

            assertThat(sync).as("process returned before the run finished").isFalse();
            assertThat(done.getCount()).isEqualTo(1);
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(exchange.getMessage().getBody(TaskRun.class).getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        } finally {
            producer.stop();
        }
    }
}
