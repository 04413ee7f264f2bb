package io.github.cameldeck.examples.support;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldeck.model.DeckError;

/**
 * What the demo did: one report per run it started, whether all of them finished, and how long it took.
 */
public record DemoSummary(String dsl, int expectedRuns, List<RunReport> runs, boolean allFinished, Duration elapsed) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    /** Deck refused to start the run (runTask failed). */
    public static final String REFUSED = "refused";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OUTPUT_WIDTH = 72;
    private static final int TASK_ID_LENGTH = "task_01JQ7ZM8AAAAAAAAAAAAAAAAAA".length();

    /**
     * A run the demo started.
     *
     * @param status            Deck's status value when it finished, null while unfinished
     * @param output            the run's output (maps and lists), null unless completed
     * @param errorType         the first error's type, when failed
     * @param errorCode         the first error's code, when failed
     * @param asked             how often it asked for an answer
     * @param answered          how many answers the demo gave it
     * @param finishedEmissions how often the consumers delivered its final status (1 for every finished run)
     */
    public record RunReport(String runId, String taskId, String taskName, String status, Object output,
            String errorType, String errorCode, String errorMessage, int asked, int answered, int finishedEmissions) {
    }

    public DemoSummary {
        runs = List.copyOf(runs);
    }

    public long count(String status) {
        return runs.stream().filter(r -> status.equals(r.status())).count();
    }

    public int answers() {
        return runs.stream().mapToInt(RunReport::answered).sum();
    }

    /** Prints the summary table. */
    public void print(PrintStream out) {
        out.println();
        if (allFinished) {
            out.printf("Summary: %s in %.1f s (%s DSL): %d completed, %d failed, %s given%s%n",
                    plural(runs.size(), "run"), seconds(), dsl, count(COMPLETED), count(FAILED),
                    plural(answers(), "answer"), count(REFUSED) == 0 ? "" : ", " + count(REFUSED) + " refused");
        } else {
            long unfinished = expectedRuns - runs.stream().filter(r -> r.status() != null).count();
            out.printf("Summary: stopped after %.1f s (%s DSL) with %d of %d runs unfinished%n", seconds(), dsl,
                    unfinished, expectedRuns);
        }
        String row = "  %-" + nameWidth(runs.stream().map(RunReport::taskName).toList()) + "s %-10s %-8s %s%n";
        out.printf(row, "task", "status", "answers", "output or error");
        for (RunReport run : runs) {
            String result;
            if (run.status() == null) {
                result = "unfinished: " + run.runId();
            } else if (COMPLETED.equals(run.status())) {
                result = abbreviate(json(run.output()), OUTPUT_WIDTH);
            } else {
                DeckError error = new DeckError(run.errorType(), run.errorCode(), run.errorMessage(), null);
                result = abbreviate(describe(error), OUTPUT_WIDTH);
            }
            out.printf(row, run.taskName(), run.status() == null ? "-" : run.status(),
                    run.answered() == 0 ? "-" : run.answered(), result);
        }
        out.println();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private double seconds() {
        return elapsed.toMillis() / 1000.0;
    }

    /** The width of the task column: the longest name, or a task id's when names are unknown. */
    public static int nameWidth(Collection<String> names) {
        return names.stream().mapToInt(String::length).max().orElse(TASK_ID_LENGTH);
    }

    public static String describe(DeckError error) {
        if (error == null) {
            return "";
        }
        return error.getType() == null
                ? error.getMessage()
                : error.getType() + "/" + error.getCode() + ": " + error.getMessage();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    public static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
