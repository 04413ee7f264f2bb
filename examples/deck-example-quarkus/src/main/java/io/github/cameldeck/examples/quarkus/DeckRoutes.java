package io.github.cameldeck.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.cameldeck.model.TaskRun;
import org.apache.camel.builder.RouteBuilder;

/** Each completed run, once: its id and output go to {@link CompletedRuns}. */
@ApplicationScoped
public class DeckRoutes extends RouteBuilder {

    @Inject
    CompletedRuns completed;

    @Override
    public void configure() {
        from("deck:taskRuns?status=completed").routeId("completed-runs")
                .log("${header.CamelDeckRunId} ${header.CamelDeckRunStatus}")
                .process(e -> completed.add(e.getMessage().getBody(TaskRun.class)));
    }
}
