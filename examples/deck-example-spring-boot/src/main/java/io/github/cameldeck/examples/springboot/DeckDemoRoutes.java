package io.github.cameldeck.examples.springboot;

import io.github.cameldeck.examples.support.CodeBook;
import io.github.cameldeck.examples.support.RunTracker;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo flow in the Java DSL, a RouteBuilder bean that camel-spring-boot adds to the Camel context;
 * {@code routes/deck-demo.camel.yaml} is the same routes (the {@code yaml} profile uses it instead). The beans:
 * {@code runs} ({@link RunTracker}) prints and collects what happens, {@code codeBook} ({@link CodeBook}) knows the
 * answers the sites ask for.
 */
@Component
@Profile("!" + Dsl.YAML_PROFILE)
public class DeckDemoRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // @formatter:off
        // 1. start one run of each task in demo.task-ids
        from("timer:start-runs?repeatCount=1&delay=0").routeId("start-runs") // once, as soon as Camel has started
                .split(simple("{{demo.task-ids}}")) // comma-separated task ids
                    .setHeader("CamelDeckTaskId", body())
                    .setBody(constant("")) // the task input: none
                    .to("deck:runTask?credentialId={{demo.credential-id}}")
                    .bean("runs", "started");

        // 2. a run needs an MFA code (or another answer): the code book gives it
        from("deck:taskRuns?status=interaction_required").routeId("answer-interactions")
                .filter(method("runs", "needsAnswer")) // a run of this demo that still waits
                    .setBody(method("codeBook", "answerFor")) // {"code": "123456"}
                    .to("deck:submitInteraction") // the run id travels in the CamelDeckRunId header
                    .bean("runs", "answered");

        // 3. finished runs: their output, or why they failed
        from("deck:taskRuns?status=completed").routeId("completed-runs")
                .bean("runs", "completed");

        from("deck:taskRuns?status=failed").routeId("failed-runs")
                .bean("runs", "failed");
        // @formatter:on
    }
}
