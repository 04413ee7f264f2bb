package io.github.cameldeck.examples.main;

import io.github.cameldeck.examples.support.CodeBook;
import io.github.cameldeck.examples.support.RunTracker;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo flow in the Java DSL; {@code routes/deck-demo.camel.yaml} and {@code routes/deck-demo.camel.xml} are the
 * same routes. The files of completed runs go under {@code demo.files-dir}, one folder per run. The beans: {@code runs} ({@link RunTracker}) prints and collects what happens, {@code codeBook}
 * ({@link CodeBook}) knows the answers the sites ask for.
 */
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

        // 3. finished runs: their output, or why they failed; the files a completed run stored, which route 4 saves
        from("deck:taskRuns?status=completed").routeId("completed-runs")
                .bean("runs", "completed")
                .to("deck:listStorage") // the run id travels in CamelDeckRunId
                .bean("runs", "filesStored"); // the demo ends once they are all saved

        from("deck:taskRuns?status=failed").routeId("failed-runs")
                .bean("runs", "failed");

        // 4. each file of each completed run, once, as its bytes: saved in a folder per run
        from("deck:storageItems").routeId("save-files")
                .to("file:{{demo.files-dir}}?fileName=${header.CamelDeckRunId}/${header.CamelFileName}")
                .bean("runs", "fileSaved");
        // @formatter:on
    }
}
