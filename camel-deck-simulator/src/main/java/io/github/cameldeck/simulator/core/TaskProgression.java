package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.simulator.Task;

/**
 * A task's status as its runs succeed: {@code learning} → {@code test} at the first completed run, → {@code live} at
 * the third, counting completed runs since the task was created, reset, or had its prompt or a schema changed. Failed
 * and canceled runs do not count and never move a task back. Each change stamps the task, records
 * {@code task.updated} and updates its agent's {@code tasks[]}. Used under the simulator's lock.
 */
final class TaskProgression {

    static final int COMPLETED_RUNS_TO_TEST = 1;
    static final int COMPLETED_RUNS_TO_LIVE = 3;
    private static final List<String> ORDER = List.of("learning", "test", "live");

    private final DeckState state;
    private final Map<String, Integer> completedRuns = new HashMap<>();

    TaskProgression(DeckState state) {
        this.state = state;
    }

    /** A run completed; its task may have been deleted (or replaced by a new one with its id) since. */
    void runCompleted(RunRecord run, Instant at) {
        Task task = state.tasks.get(run.task.id());
        if (task == null || !run.taskKey.equals(state.tasks.keyOf(task.id()))) {
            return;
        }
        int count = completedRuns.merge(task.id(), 1, Integer::sum);
        String earned = count >= COMPLETED_RUNS_TO_LIVE
                ? "live"
                : count >= COMPLETED_RUNS_TO_TEST ? "test" : "learning";
        if (ORDER.indexOf(earned) > ORDER.indexOf(task.status())) {
            Task changed = task.withStatus(earned, at);
            TaskRecords.replace(state, changed, at);
            CatalogEvents.task(state, "task.updated", changed, at);
        }
    }

    /** The task was reset, edited back to learning or deleted: counting starts again. */
    void startOver(String taskId) {
        completedRuns.remove(taskId);
    }
}
