package io.github.cameldeck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.DeckSimulatorExtension;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deck's two limits against a simulator that enforces them (20 requests per 2 s, 2 sessions): the shared request
 * budget paces requests so that none draws a 429, a 429 waits instead of failing, a run waits for a free session, and
 * each limit that lasts too long fails the exchange with an error that names it. Request counts, not durations.
 */
class OrganizationBudgetTest extends DeckTestSupport {

    private static final int LIMIT = 20;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @RegisterExtension
    static DeckSimulatorExtension limited = DeckSimulatorExtension
            .create(b -> b.rateLimit(LIMIT, WINDOW).sessionLimit(2).webhookBackoff(Duration.ofMillis(100)));

    @Override
    protected DeckSimulator sim() {
        return limited.simulator();
    }

    private DeckComponent component() {
        return context.getComponent("deck", DeckComponent.class);
    }

    /**
     * A budget the size of the simulator's limit, not Deck's 200 per 10 s. Its window is a little longer than the
     * simulator's: on a loaded machine a request can take longer to arrive than the budget's own margin (50 ms here),
     * and this test counts 429s, not milliseconds.
     */
    private void paceToTheSimulator() {
        component().setRateLimit(LIMIT);
        component().setRateLimitWindow(WINDOW.toMillis() + 250);
    }

    private List<CompletableFuture<Object>> getTaskRuns(String runId, int count, String options) {
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(template.asyncRequestBody("deck:getTaskRun?runId=" + runId + options, null));
        }
        return calls;
    }

    @Test
    void pacedRequestsDrawNo429() {
        paceToTheSimulator();
        String runId = sim().startRun(quickTask().id(), Map.of()).id();

        List<CompletableFuture<Object>> calls = getTaskRuns(runId, 3 * LIMIT, "&maxRetries=0");

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isInstanceOf(TaskRun.class));
        assertThat(sim().stats().rateLimited()).as("429 answers").isZero();
    }

    @Test
    void a429BurstNeverFailsAnExchange() {
        component().setRateLimit(0);
        String runId = sim().startRun(quickTask().id(), Map.of()).id();

        List<CompletableFuture<Object>> calls = getTaskRuns(runId, 3 * LIMIT, "&maxRetries=0");

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isInstanceOf(TaskRun.class));
        assertThat(sim().stats().rateLimited()).as("429 answers, none counted against maxRetries=0").isPositive();
    }

    @Test
    void aBudgetExhaustedLongerThanRateLimitTimeoutIsNamed() {
        component().setRateLimit(1);
        component().setRateLimitWindow(TimeUnit.HOURS.toMillis(1));
        String runId = sim().startRun(quickTask().id(), Map.of()).id();
        template.requestBody("deck:getTaskRun?runId=" + runId, (Object) null);
        long before = sim().stats().totalRequests();

        assertThatThrownBy(
                () -> template.requestBody("deck:getTaskRun?rateLimitTimeout=200&runId=" + runId, (Object) null))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOf(DeckApiException.class)
                .hasMessageContaining("No budget to send GET /task-runs/" + runId)
                .hasMessageContaining("Deck's request budget for this organization stayed exhausted for")
                .hasMessageContaining("(rateLimitTimeout 200 ms)")
                .satisfies(e -> assertThat(((DeckApiException) e).getHttpResponseCode()).isEqualTo(429));
        assertThat(sim().stats().totalRequests()).as("nothing sent without budget").isEqualTo(before);
    }

    @Test
    void runsStartAsSessionsFreeNoneFailsNoneTwice() {
        Task task = task("Short", Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(50)));
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(template.asyncRequestBody("deck:runTask?taskId=" + task.id(), Map.of("n", i)));
        }

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isInstanceOf(TaskRun.class));
        assertThat(sim().runCount()).as("one run per exchange").isEqualTo(6);
        assertThat(sim().stats().rateLimited()).as("session_limit_exceeded answers waited out").isPositive();
    }

    @Test
    void maxConcurrentRunsHoldsRunsInTheApplicationInsteadOfDrawingSessionLimits() {
        paceToTheSimulator();
        component().setMaxConcurrentRuns(2);
        Task task = task("Short", Scenario.completesAfter(Duration.ofMillis(300)).withQueueTime(Duration.ofMillis(50)));
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(template.asyncRequestBody("deck:runTask?taskId=" + task.id(), Map.of("n", i)));
        }

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isInstanceOf(TaskRun.class));
        assertThat(sim().runCount()).as("one run per exchange").isEqualTo(6);
        assertThat(sim().stats().rateLimited()).as("no session_limit_exceeded: the third run waited in the application")
                .isZero();
        assertThat(sim().stats().requests("GET /v2/task-runs/{id}") + sim().stats().requests("GET /v2/task-runs"))
                .as("slots freed from the events' summaries, no run fetched").isZero();
    }

    @Test
    void aSessionLimitLongerThanSessionLimitTimeoutIsNamed() {
        Task hangs = task("Hangs", Scenario.hangs());
        sim().startRun(hangs.id(), Map.of());
        sim().startRun(hangs.id(), Map.of());

        assertThatThrownBy(() -> template.requestBody("deck:runTask?sessionLimitTimeout=300&taskId=" + hangs.id(),
                Map.of()))
                .cause()
                .isInstanceOf(DeckApiException.class)
                .hasMessageContaining("rate_limit/session_limit_exceeded")
                .hasMessageContaining("every agent session of the organization stayed in use for 300 ms "
                        + "(sessionLimitTimeout)");
        assertThat(sim().runCount()).isEqualTo(2);
    }

    @Test
    void answersAndReadsGoBeforeABurstOfNewRuns() {
        paceToTheSimulator();
        Task task = task("Burst", Scenario.hangs());
        String runId = sim().startRun(quickTask().id(), Map.of()).id();
        template.requestBody("deck:getTaskRun?runId=" + runId, (Object) null);

        List<CompletableFuture<Object>> burst = new ArrayList<>();
        for (int i = 0; i < 3 * LIMIT; i++) {
            burst.add(template.asyncRequestBody("deck:runTask?sessionLimitTimeout=0&taskId=" + task.id(),
                    Map.of("n", i)));
        }
        TaskRun read = template.requestBody("deck:getTaskRun?runId=" + runId, null, TaskRun.class);

        assertThat(read.getId()).isEqualTo(runId);
        assertThat(burst.stream().filter(CompletableFuture::isDone).count())
                .as("runTask calls answered before the read, which waited for one permit at most")
                .isLessThan(2L * LIMIT);
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).handle((ok, e) -> null).join();
        assertThat(sim().stats().rateLimited()).as("429 answers").isZero();
    }
}
