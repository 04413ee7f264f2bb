package io.github.cameldeck.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Second tries: runTask's rerunOn=deckErrors and rerunTaskRun start a failed run's task again under keys of their own,
 * while Camel's redelivery of a runTask gets the same failed run back.
 */
class RerunTest extends DeckTestSupport {

    private static final DeckError SESSION = new DeckError("session", "timeout", "The session could not start.");
    private static final DeckError API = new DeckError("api", "api_error", "Deck failed.");
    private static final String RERUN = "deck:runTask?waitForCompletion=true&rerunOn=deckErrors&taskId=";

    private Task quick() {
        return task("Statements", Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(10)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> previousRunIds(Exchange exchange) {
        return exchange.getMessage().getHeader(DeckConstants.PREVIOUS_RUN_IDS, List.class);
    }

    private long runsStarted() {
        return sim().stats().requests("POST /v2/tasks/{id}/run");
    }

    @Test
    void aRunFailingWithDecksOwnErrorsIsStartedAgainUntilItCompletes() {
        Task task = quick();
        sim().failNextRuns(task.id(), SESSION, API);

        Exchange out = template.request(RERUN + task.id(), e -> {
            e.getIn().setBody(Map.of("month", "2026-11"));
            e.getIn().setHeader(DeckConstants.CREDENTIAL_ID, credential.id());
        });

        TaskRun run = out.getMessage().getBody(TaskRun.class);
        assertThat(run.getStatusValue()).isEqualTo("completed");
        assertThat(out.getMessage().getHeader(DeckConstants.RUN_ATTEMPT)).isEqualTo(3);
        assertThat(previousRunIds(out)).hasSize(2).doesNotContain(run.getId());
        assertThat(sim().taskRuns()).hasSize(3)
                .allSatisfy(r -> {
                    assertThat(r.credentialId()).isEqualTo(credential.id());
                    assertThat(r.input().get("month").asText()).isEqualTo("2026-11");
                });
    }

    @Test
    void maxRunAttemptsBoundsTheRunsAndTheirKeysAreDistinctAndStable() {
        Task task = quick();
        sim().failNextRuns(task.id(), SESSION, API, SESSION);
        String uri = RERUN + task.id() + "&maxRunAttempts=2";

        Exchange out = template.request(uri, e -> e.getIn().setHeader(DeckConstants.IDEMPOTENCY_KEY, "nightly-42"));
        // the same input again (a redelivery, a replayed message): every attempt's key is replayed, no run starts
        Exchange again = template.request(uri, e -> e.getIn().setHeader(DeckConstants.IDEMPOTENCY_KEY, "nightly-42"));

        assertThat(out.getMessage().getBody(TaskRun.class).getStatusValue()).isEqualTo("failed");
        assertThat(out.getMessage().getHeader(DeckConstants.RUN_ATTEMPT)).isEqualTo(2);
        assertThat(sim().taskRuns()).as("a key of its own per attempt, at most maxRunAttempts").hasSize(2);
        assertThat(again.getMessage().getBody(TaskRun.class).getId())
                .isEqualTo(out.getMessage().getBody(TaskRun.class).getId());
        assertThat(previousRunIds(again)).isEqualTo(previousRunIds(out));
    }

    @Test
    void errorsThatAreNotDecksOwnAreNotRetried() {
        Task task = quick();
        sim().failNextRuns(task.id(), new DeckError("auth", "auth_invalid", "The login was refused."));

        Exchange out = template.request(RERUN + task.id(), e -> {
        });

        assertThat(out.getMessage().getBody(TaskRun.class).getStatusValue()).isEqualTo("failed");
        assertThat(out.getMessage().getHeader(DeckConstants.RUN_ATTEMPT)).isEqualTo(1);
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(DeckConstants.PREVIOUS_RUN_IDS);
        assertThat(sim().taskRuns()).hasSize(1);
    }

    @Test
    void camelsRedeliveryGetsTheSameFailedRunBack() throws Exception {
        Task task = quick();
        sim().failNextRuns(task.id(), SESSION);
        List<String> seen = new ArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:trap").errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(0))
                        .to("deck:runTask?waitForCompletion=true&taskId=" + task.id())
                        .process(e -> {
                            TaskRun run = e.getMessage().getBody(TaskRun.class);
                            seen.add(run.getId());
                            if (run.getStatusValue().equals("failed")) {
                                throw new IllegalStateException("run " + run.getId() + " failed");
                            }
                        });
            }
        });

        Exchange out = template.request("direct:trap", e -> {
        });

        assertThat(out.getException()).hasMessageContaining("failed");
        assertThat(seen).hasSize(4);
        assertThat(Set.copyOf(seen)).as("one run, four times").hasSize(1);
        assertThat(sim().taskRuns()).hasSize(1);
    }

    @Test
    void rerunTaskRunStartsTheTaskAgainWithTheRunsInputOnceperRun() {
        Task task = quick();
        sim().failNextRuns(task.id(), API);
        String failed = sim().startRun(task.id(), Map.of("month", "2026-10"), credential.id()).id();
        await().atMost(10, TimeUnit.SECONDS).until(() -> "failed".equals(sim().taskRun(failed).status()));

        Exchange first = template.request("deck:rerunTaskRun?waitForCompletion=true", e -> e.getIn()
                .setHeader(DeckConstants.RUN_ID, failed));
        Exchange second = template.request("deck:rerunTaskRun?runId=" + failed, e -> {
        });

        TaskRun rerun = first.getMessage().getBody(TaskRun.class);
        assertThat(rerun.getId()).isNotEqualTo(failed);
        assertThat(rerun.getStatusValue()).isEqualTo("completed");
        assertThat(previousRunIds(first)).containsExactly(failed);
        assertThat(sim().taskRun(rerun.getId()).input().get("month").asText()).isEqualTo("2026-10");
        assertThat(sim().taskRun(rerun.getId()).credentialId()).isEqualTo(credential.id());
        assertThat(second.getMessage().getBody(TaskRun.class).getId()).as("one rerun per run").isEqualTo(rerun.getId());
    }
}
