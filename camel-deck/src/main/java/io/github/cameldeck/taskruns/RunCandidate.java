package io.github.cameldeck.taskruns;

import java.time.Instant;

import io.github.cameldeck.model.TaskRun;

/**
 * A run the taskRuns consumer is about to emit: the run, the key that records it as emitted, the moment it entered the
 * watched status (what "oldest first" orders by), and the source that found it.
 */
record RunCandidate(String key, TaskRun run, Instant enteredAt, RunSource source) implements Comparable<RunCandidate> {

    @Override
    public int compareTo(RunCandidate other) {
        int byTime = compare(enteredAt, other.enteredAt);
        if (byTime != 0) {
            return byTime;
        }
        int byCreation = compare(created(run), created(other.run));
        return byCreation != 0 ? byCreation : key.compareTo(other.key);
    }

    private static Instant created(TaskRun run) {
        return run.getCreatedAt() != null ? run.getCreatedAt().toInstant() : null;
    }

    private static int compare(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
