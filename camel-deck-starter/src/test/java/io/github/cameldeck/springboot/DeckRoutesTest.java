package io.github.cameldeck.springboot;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Java route (a RouteBuilder bean) starts a run, a YAML route (routes/deck-task-runs.camel.yaml) consumes it once
 * completed; both reach the simulator through the component configured by the starter.
 */
@SpringBootTest(classes = DeckTestApplication.class, properties = {
        "camel.main.routes-include-pattern=classpath:routes/*.camel.yaml"})
@Import(DeckRoutesTest.Routes.class)
class DeckRoutesTest extends DeckSimulatorSupport {

    @TestConfiguration
    static class Routes {
        @Bean
        RouteBuilder runTaskRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:runTask").routeId("java-run-task")
                            .to("deck:runTask?waitForCompletion=true&waitTimeout=20s");
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate producer;

    @Test
    void theJavaRouteRunsATaskAndTheYamlRouteReceivesItsCompletedRun() {
        assertThat(camelContext.getRoute("yaml-completed-runs")).as("the YAML route").isNotNull();
        Task task = quickTask();

        TaskRun run = producer.requestBodyAndHeader("direct:runTask", Map.of("month", "2026-10"),
                DeckConstants.TASK_ID, task.id(), TaskRun.class);

        assertThat(run.getStatus()).isEqualTo(TaskRunStatus.COMPLETED);
        assertThat(sim().taskRun(run.getId()).taskId()).isEqualTo(task.id());
        MockEndpoint completed = camelContext.getEndpoint("mock:completed", MockEndpoint.class);
        await().atMost(20, TimeUnit.SECONDS).until(() -> completed.getReceivedExchanges().stream()
                .anyMatch(exchange -> run.getId().equals(exchange.getMessage().getHeader(DeckConstants.RUN_ID))));
    }
}
