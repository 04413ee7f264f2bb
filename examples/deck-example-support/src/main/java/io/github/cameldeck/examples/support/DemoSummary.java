package io.github.cameldeck.examples.support;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldeck.model.DeckError;

/**
 * What the demo did: one report per run it started, the files it saved, whether all of them finished (with their
 * files, when the demo saves them), and how long it took.
 *
 * @param files             the files the demo saved, in the order it saved them (empty when it saves none)
 * @param runsAwaitingFiles completed runs of the demo whose files were not all saved
 */
public record DemoSummary(String dsl, int expectedRuns, List<RunReport> runs, List<SavedFile> files,
        int runsAwaitingFiles, boolean allFinished, Duration elapsed) {

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

    /**
     * A file the demo saved.
     *
     * @param taskName the name of the run's task (its id when the name is unknown)
     * @param path     where it was written
     * @param size     its size on disk, in bytes
     */
    public record SavedFile(String runId, String taskName, String fileName, long size, Path path) {
    }

    public DemoSummary {
        runs = List.copyOf(runs);
        files = List.copyOf(files);
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
            out.printf("Summary: %s in %.1f s (%s DSL): %d completed, %d failed, %s given%s%s%n",
                    plural(runs.size(), "run"), seconds(), dsl, count(COMPLETED), count(FAILED),
                    plural(answers(), "answer"), count(REFUSED) == 0 ? "" : ", " + count(REFUSED) + " refused",
                    files.isEmpty() ? "" : ", " + plural(files.size(), "file") + " saved");
        } else {
            long unfinished = expectedRuns - runs.stream().filter(r -> r.status() != null).count();
            out.printf("Summary: stopped after %.1f s (%s DSL) with %d of %d runs unfinished%s%n", seconds(), dsl,
                    unfinished, expectedRuns, runsAwaitingFiles == 0
                            ? ""
                            : ", " + plural(runsAwaitingFiles, "completed run") + " without all its files saved");
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
        if (!files.isEmpty()) {
            printFiles(out);
        }
    }

    private void printFiles(PrintStream out) {
        out.printf("Files: %d saved under %s%n", files.size(),
                shown(commonFolder(files.stream().map(SavedFile::path).toList())));
        String row = "  %-" + width(files.stream().map(SavedFile::taskName).toList(), "task") + "s %-"
                + width(files.stream().map(SavedFile::runId).toList(), "run") + "s %-"
                + width(files.stream().map(SavedFile::fileName).toList(), "file") + "s %11s%n";
        out.printf(row, "task", "run", "file", "bytes");
        for (SavedFile file : files) {
            out.printf(row, file.taskName(), file.runId(), file.fileName(),
                    String.format(Locale.ROOT, "%,d", file.size()));
        }
        out.println();
    }

    /** The deepest folder that holds every one of the paths. */
    static Path commonFolder(List<Path> paths) {
        Path folder = paths.get(0).toAbsolutePath().getParent();
        while (folder != null && !containsAll(folder, paths)) {
            folder = folder.getParent();
        }
        return folder;
    }

    private static boolean containsAll(Path folder, List<Path> paths) {
        return paths.stream().allMatch(path -> path.toAbsolutePath().startsWith(folder));
    }

    /** A folder relative to the working directory when it lies inside it, else absolute. */
    public static String shown(Path folder) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        if (folder.equals(workingDirectory)) {
            return ".";
        }
        return folder.startsWith(workingDirectory) ? workingDirectory.relativize(folder).toString() : folder.toString();
    }

    private static int width(Collection<String> values, String heading) {
        return Math.max(heading.length(), values.stream().mapToInt(String::length).max().orElse(0));
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
