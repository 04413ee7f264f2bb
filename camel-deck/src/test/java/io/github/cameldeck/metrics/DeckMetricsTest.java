package io.github.cameldeck.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.Task;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters in a SimpleMeterRegistry bound in the CamelContext's registry, after a scripted set of runs and calls
 * against the simulator. Only counts are asserted: they are the same on every run of the test.
 */
class DeckMetricsTest extends DeckTestSupport {

    private SimpleMeterRegistry meters;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        meters = new SimpleMeterRegistry();
        context.getRegistry().bind("meterRegistry", meters);
        return context;
    }

    @Test
    void countsRunsByOutcomeOnceEachAndRequestsByPathTemplate() {
        Task quick = quickTask();
        Task mfa = task("Statements", Scenario.completesAfter(Duration.ofMillis(200))
                .withQueueTime(Duration.ofMillis(50))
                .withInteraction(Interaction.mfa("123456")));
        sim().failNextRuns(quick.id(), new DeckError("authentication", "invalid_credentials", "Wrong password"));

        TaskRun failed = runToTheEnd(quick);
        TaskRun completed = runToTheEnd(quick);
        TaskRun needsCode = runToTheEnd(mfa);
        assertThat(failed.getStatus()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(completed.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        assertThat(needsCode.getStatus()).isEqualTo(TaskRunStatus.INTERACTION_REQUIRED);
        TaskRun answered = template.requestBodyAndHeader("deck:submitInteraction?waitForCompletion=true",
                Map.of("code", "123456"), DeckConstants.RUN_ID, needsCode.getId(), TaskRun.class);
        assertThat(answered.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        // seen again: counted once
        template.requestBodyAndHeader("deck:getTaskRun", null, DeckConstants.RUN_ID, completed.getId());
        Exchange missing = template.request("deck:getTaskRun", e -> e.getIn().setHeader(DeckConstants.RUN_ID,
                "run_missing"));
        assertThat(missing.getException()).isInstanceOf(DeckApiException.class);

        assertThat(count(meters.find(RunMeters.STARTED).tag("task", quick.id()))).isEqualTo(2);
        assertThat(count(meters.find(RunMeters.STARTED).tag("task", mfa.id()))).isEqualTo(1);
        assertThat(count(meters.find(RunMeters.SETTLED).tags("task", quick.id(), "outcome", "completed",
                "error.type", "none"))).isEqualTo(1);
        assertThat(count(meters.find(RunMeters.SETTLED).tags("task", quick.id(), "outcome", "failed",
                "error.type", "authentication"))).isEqualTo(1);
        assertThat(count(meters.find(RunMeters.SETTLED).tags("task", mfa.id(), "outcome", "completed")))
                .isEqualTo(1);
        assertThat(count(meters.find(RunMeters.SETTLED))).isEqualTo(3);
        assertThat(count(meters.find(RunMeters.DURATION))).isEqualTo(3);
        assertThat(count(meters.find(RunMeters.PERSON_WAIT).tags("task", mfa.id(), "status",
                "interaction_required"))).isEqualTo(1);

        assertThat(count(meters.find(RequestMeters.REQUESTS).tags("method", "POST", "uri", "/tasks/{id}/run",
                "outcome", "SUCCESS"))).isEqualTo(3);
        assertThat(count(meters.find(RequestMeters.REQUESTS).tags("method", "POST", "uri",
                "/task-runs/{id}/interaction", "outcome", "SUCCESS"))).isEqualTo(1);
        assertThat(count(meters.find(RequestMeters.REQUESTS).tags("method", "GET", "uri", "/task-runs/{id}",
                "status", "404", "outcome", "CLIENT_ERROR"))).isEqualTo(1);
        assertThat(count(meters.find(RequestMeters.FAILED_CALLS).tags("method", "GET", "uri", "/task-runs/{id}")))
                .isEqualTo(1);
        assertThat(count(meters.find(RequestMeters.RATE_LIMITED))).isZero();
        assertThat(meters.find(RequestMeters.BUDGET_WAIT).timer().count())
                .isEqualTo(count(meters.find(RequestMeters.REQUESTS)));
    }

    @Test
    void measuresTheTaskRunsConsumersLagOncePerExchange() throws Exception {
        Task quick = quickTask();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?status=completed&delay=50&taskId=" + quick.id()).to("mock:runs");
            }
        });
        MockEndpoint runs = getMockEndpoint("mock:runs");
        runs.expectedMessageCount(2);
        String first = sim().startRun(quick.id(), Map.of()).id();
        String second = sim().startRun(quick.id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(first).status())
                && "completed".equals(sim().taskRun(second).status()));

        runs.assertIsSatisfied();

        assertThat(count(meters.find(RunMeters.CONSUMER_LAG).tag("consumer", "taskRuns"))).isEqualTo(2);
        assertThat(count(meters.find(RunMeters.SETTLED).tags("task", quick.id(), "outcome", "completed")))
                .isEqualTo(2);
        assertThat(count(meters.find(RunMeters.STARTED))).isZero();
    }

    @Test
    void sumsTheBytesDownloaded() {
        Task withFile = task("Statement", Scenario.completesAfter(Duration.ofMillis(50))
                .withQueueTime(Duration.ofMillis(10))
                .withFiles(List.of(StorageFile.pdf("statement.pdf", 30_000))));
        String runId = sim().startRun(withFile.id(), Map.of()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(sim().taskRun(runId).status()));
        List<?> items = template.requestBody("deck:listStorage?runId=" + runId, null, List.class);

        byte[] file = template.requestBody("deck:downloadStorage", (StorageItem) items.get(0), byte[].class);

        assertThat(file).hasSize(30_000);
        assertThat(meters.find(RequestMeters.DOWNLOADS).summary().count()).isEqualTo(1);
        assertThat(meters.find(RequestMeters.DOWNLOADS).summary().totalAmount()).isEqualTo(30_000);
    }

    private TaskRun runToTheEnd(Task task) {
        return template.requestBody("deck:runTask?waitForCompletion=true&taskId=" + task.id(), null, TaskRun.class);
    }

    /** The count of every meter the search finds: a counter's count, a timer's number of recordings. */
    private static long count(Search search) {
        long total = 0;
        for (Meter meter : search.meters()) {
            if (meter instanceof Timer timer) {
                total += timer.count();
            } else if (meter instanceof Counter counter) {
                total += (long) counter.count();
            } else {
                throw new IllegalArgumentException("Not a counter or timer: " + meter.getId());
            }
        }
        return total;
    }
}
