package io.github.cameldeck.examples.support;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.model.DeckError;
import io.github.cameldeck.model.Interaction;
import io.github.cameldeck.model.InteractionField;
import io.github.cameldeck.model.StorageItem;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The bean {@code runs}: prints each run as it moves (started, asks for an answer, answered, completed or failed, each
 * file saved), collects what the demo needs for its summary, and calls {@code onAllFinished} once every run the demo
 * started has finished (and wakes up {@link #awaitAllFinished(Duration)}). The routes call it with the run in the body
 * (or a run's storage items, or a saved file's headers); it never prints an answer, only the field it went to.
 * <p>
 * When it awaits files, a completed run counts as finished only once the files Deck listed for it
 * ({@link #filesStored}) were all saved ({@link #fileSaved}).
 */
public class RunTracker {

    private static final String INTERACTION_REQUIRED = "interaction_required";
    private static final int OUTPUT_WIDTH = 300;

    private final PrintStream out;
    private final long startNanos;
    private final Map<String, String> taskNames;
    private final int nameWidth;
    private final IntSupplier expectedRuns;
    private final Runnable onAllFinished;
    private final Predicate<TaskRun> canAnswer;
    private final boolean awaitFiles;
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private int expected = -1;
    private int startedCount;
    private boolean allFinished;

    /**
     * @param out           where the progress lines go
     * @param startNanos    {@link System#nanoTime()} when the demo started: lines show the time since
     * @param taskNames     names to print for task ids (the task id is printed for the others)
     * @param expectedRuns  how many runs the demo starts
     * @param onAllFinished called once, when that many runs were started and have finished
     * @param canAnswer     whether the code book can answer a run
     */
    public RunTracker(PrintStream out, long startNanos, Map<String, String> taskNames, IntSupplier expectedRuns,
            Runnable onAllFinished, Predicate<TaskRun> canAnswer) {
        this(out, startNanos, taskNames, expectedRuns, onAllFinished, canAnswer, false);
    }

    /**
     * @param awaitFiles whether a completed run is finished only once its files were saved: the routes then call
     *                   {@link #filesStored} and {@link #fileSaved} for every completed run
     * @see #RunTracker(PrintStream, long, Map, IntSupplier, Runnable, Predicate)
     */
    public RunTracker(PrintStream out, long startNanos, Map<String, String> taskNames, IntSupplier expectedRuns,
            Runnable onAllFinished, Predicate<TaskRun> canAnswer, boolean awaitFiles) {
        this.out = out;
        this.startNanos = startNanos;
        this.taskNames = Map.copyOf(taskNames);
        this.nameWidth = DemoSummary.nameWidth(taskNames.values());
        this.expectedRuns = expectedRuns;
        this.onAllFinished = onAllFinished;
        this.canAnswer = canAnswer;
        this.awaitFiles = awaitFiles;
    }

    /** After runTask: the run Deck queued. */
    public synchronized void started(TaskRun run) {
        Run r = run(run);
        r.startOrder = ++startedCount;
        print("started", r, run.getId());
        if (r.finished != null) {
            printFinished(r); // it finished before its start was reported here
        }
        checkAllFinished();
    }

    /** runTask failed: Deck refused to run the task (it counts as done). */
    public synchronized void refused(String taskId, Exception error) {
        Run r = runs.computeIfAbsent("refused:" + taskId + ":" + (startedCount + 1), Run::new);
        r.taskId = taskId;
        r.taskName = taskNames.getOrDefault(taskId, taskId);
        r.startOrder = ++startedCount;
        r.refusal = error == null ? "refused" : error.getMessage();
        print("refused", r, r.refusal);
        checkAllFinished();
    }

    /**
     * A run entered interaction_required: prints what the site asks for. The filter of the answering route: true for a
     * run this demo started that still waits for an answer. The consumer also emits episodes that are over by the time
     * it reads them (its catch-up of the last {@code lookback}: the run answered and finished since), and runs of other
     * clients of the same Deck organization; those are left alone, and so are prompts the code book has no answer
     * for (and no console to ask on): they wait for someone to answer them in Deck.
     */
    public synchronized boolean needsAnswer(TaskRun run) {
        Run r = runs.get(run.getId());
        if (r == null || r.startOrder == 0 || !INTERACTION_REQUIRED.equals(run.getStatusValue())) {
            return false;
        }
        r.asked++;
        Interaction interaction = run.getInteraction();
        List<InteractionField> fields = interaction == null || interaction.getFields() == null
                ? List.of()
                : interaction.getFields();
        r.pendingFields = fields.stream().map(InteractionField::getName).toList();
        String what = interaction == null
                ? "an answer"
                : interaction.getType() + " \"" + interaction.getMessage() + "\"";
        print("asks", r, what + " -> " + String.join(", ", r.pendingFields));
        if (!canAnswer.test(run)) {
            print("waits", r, "no answer known: set demo.answers." + run.getTaskId()
                    + " or run the demo in a terminal to type it");
            return false;
        }
        return true;
    }

    /** After submitInteraction: Deck took the answer. Prints the fields answered, never the values. */
    public synchronized void answered(TaskRun run) {
        Run r = run(run);
        r.answered++;
        print("answered", r, r.pendingFields.stream().map(f -> f + "=******").collect(Collectors.joining(", ")));
    }

    /** A run completed: its output is in the body. */
    public synchronized void completed(TaskRun run) {
        finished(run);
    }

    /** A run failed: its errors are in the body. */
    public synchronized void failed(TaskRun run) {
        finished(run);
    }

    private void finished(TaskRun run) {
        Run r = run(run);
        r.finishedEmissions++;
        if (r.finished == null) {
            r.finished = run;
            if (r.startOrder > 0) {
                printFinished(r);
            }
        } else {
            print(run.getStatusValue(), r, "again: emitted " + r.finishedEmissions + " times");
        }
        checkAllFinished();
    }

    /** After deck:listStorage for a completed run: the files Deck stored for it, which {@link #fileSaved} awaits. */
    public synchronized void filesStored(@Header(DeckConstants.RUN_ID) String runId, List<StorageItem> items) {
        runs.computeIfAbsent(runId, Run::new).files.listed(items.stream().map(StorageItem::getId).toList());
        checkAllFinished();
    }

    /**
     * After a file: endpoint wrote a file of a run: prints it (its name and size on disk) and records it for the
     * summary.
     */
    public void fileSaved(@Header(DeckConstants.RUN_ID) String runId, @Header(DeckConstants.TASK_ID) String taskId,
            @Header(DeckConstants.STORAGE_ID) String storageId, @Header(Exchange.FILE_NAME_PRODUCED) String written)
            throws IOException {
        Path path = Path.of(written);
        long size = Files.size(path);
        synchronized (this) {
            Run r = runs.computeIfAbsent(runId, Run::new);
            if (r.taskId == null) {
                r.taskId = taskId;
                r.taskName = taskNames.getOrDefault(taskId, taskId);
            }
            String fileName = path.getFileName().toString();
            r.files.saved(storageId, new DemoSummary.SavedFile(runId, r.taskName, fileName, size, path));
            print("saved", r, String.format(Locale.ROOT, "%s, %,d bytes", fileName, size));
            checkAllFinished();
        }
    }

    /** Whether every run the demo started has finished. */
    public synchronized boolean allFinished() {
        return allFinished;
    }

    /**
     * Waits until every run the demo started has finished, or the timeout.
     *
     * @return whether they all finished
     */
    public synchronized boolean awaitAllFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allFinished) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** What happened to each run the demo started, in start order, and how long it took so far. */
    public synchronized DemoSummary summary(String dsl) {
        return summary(dsl, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** What happened to each run the demo started, in start order, with the files saved for them. */
    public synchronized DemoSummary summary(String dsl, Duration elapsed) {
        List<DemoSummary.RunReport> reports = new ArrayList<>();
        List<DemoSummary.SavedFile> files = new ArrayList<>();
        List<Run> started = runs.values().stream().filter(r -> r.startOrder > 0)
                .sorted((a, b) -> Integer.compare(a.startOrder, b.startOrder)).toList();
        for (Run r : started) {
            reports.add(r.report());
            files.addAll(r.files.saved());
        }
        int awaitingFiles = (int) started.stream().filter(r -> r.finished != null && !filesDone(r)).count();
        return new DemoSummary(dsl, Math.max(expected, reports.size()), reports, files, awaitingFiles, allFinished,
                elapsed);
    }

    private void checkAllFinished() {
        if (allFinished) {
            return;
        }
        if (expected < 0) {
            expected = expectedRuns.getAsInt(); // the first time a route calls: Camel's properties are ready
        }
        long finished = runs.values().stream()
                .filter(r -> r.startOrder > 0 && (r.finished != null && filesDone(r) || r.refusal != null)).count();
        if (startedCount >= expected && finished >= expected) {
            allFinished = true;
            notifyAll();
            onAllFinished.run();
        }
    }

    /** Whether the run needs no more files: the demo does not await files, or the run did not complete, or all saved. */
    private boolean filesDone(Run r) {
        return !awaitFiles || !DemoSummary.COMPLETED.equals(r.finished.getStatusValue()) || r.files.allSaved();
    }

    private void printFinished(Run r) {
        TaskRun run = r.finished;
        if (DemoSummary.COMPLETED.equals(run.getStatusValue())) {
            Long ms = run.getRuntimeMs();
            String ran = ms == null ? "" : String.format("ran %.1f s: ", ms / 1000.0);
            print("completed", r, ran + DemoSummary.abbreviate(DemoSummary.json(run.getOutput()), OUTPUT_WIDTH));
        } else {
            print(run.getStatusValue(), r, DemoSummary.describe(firstError(run)));
        }
    }

    private Run run(TaskRun run) {
        Run r = runs.computeIfAbsent(run.getId(), Run::new);
        if (r.taskId == null) {
            r.taskId = run.getTaskId();
            r.taskName = taskNames.getOrDefault(run.getTaskId(), run.getTaskId());
        }
        return r;
    }

    private void print(String event, Run r, String detail) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("%6.2fs  %-10s %-" + nameWidth + "s %s%n", seconds, event, r.taskName, detail);
    }

    static DeckError firstError(TaskRun run) {
        return run.getErrors() == null || run.getErrors().isEmpty() ? null : run.getErrors().get(0);
    }

    private static final class Run {
        final String id;
        String taskId;
        String taskName;
        int startOrder;
        int asked;
        int answered;
        List<String> pendingFields = List.of();
        TaskRun finished;
        int finishedEmissions;
        String refusal;
        final RunFiles files = new RunFiles();

        Run(String id) {
            this.id = id;
        }

        DemoSummary.RunReport report() {
            if (refusal != null) {
                return new DemoSummary.RunReport(null, taskId, taskName, DemoSummary.REFUSED, null, null, null,
                        refusal, 0, 0, 0);
            }
            DeckError error = finished == null ? null : firstError(finished);
            return new DemoSummary.RunReport(id, taskId, taskName,
                    finished == null ? null : finished.getStatusValue(),
                    finished == null ? null : finished.getOutput(),
                    error == null ? null : error.getType(),
                    error == null ? null : error.getCode(),
                    error == null ? null : error.getMessage(),
                    asked, answered, finishedEmissions);
        }
    }
}
