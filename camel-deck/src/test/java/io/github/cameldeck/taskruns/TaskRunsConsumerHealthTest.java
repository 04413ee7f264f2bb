package io.github.cameldeck.taskruns;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Server errors back off without losing the position, and show in the consumer's health check. */
class TaskRunsConsumerHealthTest extends DeckTestSupport {

    private final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        enableConsumerHealthChecks(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("deck:taskRuns?delay=100&pageSize=5&maxRetries=0&backoffErrorThreshold=2&backoffMultiplier=2")
                        .routeId("runs")
                        .process(e -> received.add(e.getIn().getBody(TaskRun.class).getId()));
            }
        };
    }

    @AfterEach
    void noFaults() {
        sim().faults().reset();
    }

    private Optional<HealthCheck.Result> consumerHealth() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().contains("runs")).findFirst();
    }

    @Test
    void goesDownWithTheHttpStatusAndUpAgainWithoutLosingRuns() throws Exception {
        Task task = task("Quick", Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(10)));
        sim().faults().serverErrors(1.0);
        for (int i = 0; i < 12; i++) {
            sim().startRun(task.id(), Map.of("i", i));
        }

        await().atMost(15, TimeUnit.SECONDS).until(() -> consumerHealth()
                .map(r -> r.getState() == HealthCheck.State.DOWN
                        && r.getDetails().containsKey(HealthCheck.HTTP_RESPONSE_CODE))
                .orElse(false));
        HealthCheck.Result down = consumerHealth().orElseThrow();
        assertThat(down.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE)).isIn(500, 502, 503);
        assertThat(down.getError()).isPresent();
        assertThat(down.getError().get()).isInstanceOf(DeckApiException.class);

        sim().faults().reset();
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() >= 12);
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumerHealth()
                .map(r -> r.getState() == HealthCheck.State.UP).orElse(false));
        awaitPolls(context, 2);
        assertThat(received).hasSize(12).doesNotHaveDuplicates();
    }
}
