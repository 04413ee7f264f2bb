package io.github.cameldeck.examples.springboot;

import java.time.Duration;

import io.github.cameldeck.examples.support.DemoSummary;
import io.github.cameldeck.examples.support.RunTracker;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Waits, once the application (and the Camel context) has started, until every run the routes started has finished,
 * or {@code demo.timeout}; then prints the summary. Its exit code is what {@link DeckExampleApplication#main} exits
 * with: 0 when every run finished (completed or failed), 1 when Deck refused a task or the time ran out, 2 when there
 * was nothing to run.
 */
@Component
public class DemoRunner implements ApplicationRunner, ExitCodeGenerator {

    private final RunTracker runs;
    private final Environment environment;
    private volatile DemoSummary summary;
    private volatile int exitCode;

    public DemoRunner(RunTracker runs, Environment environment) {
        this.runs = runs;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (DeckExampleConfiguration.taskIds(environment).isEmpty()) {
            System.err.println("No tasks to run: set DECK_TASK_IDS to the comma-separated ids of the tasks to run");
            exitCode = 2;
            return;
        }
        Duration timeout = environment.getProperty("demo.timeout", Duration.class, Duration.ofMinutes(5));
        runs.awaitAllFinished(timeout);
        summary = runs.summary(Dsl.of(environment).toString());
        summary.print(System.out);
        exitCode = summary.allFinished() && summary.count(DemoSummary.REFUSED) == 0 ? 0 : 1;
    }

    /** The summary, once the demo has ended; null before. */
    public DemoSummary summary() {
        return summary;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
