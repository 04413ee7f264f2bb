package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.TaskRunStatus;

/**
 * Filters of {@code GET /task-runs}. Empty sets and null values match everything. {@code createdAfter} and
 * {@code createdBefore} are exclusive and compared at full internal precision; {@code search} is a case-insensitive
 * substring of the task name, task id or run id.
 */
public record RunFilter(Set<TaskRunStatus> statuses, Set<String> sourceIds, Set<String> outcomes, String agentId,
        String credentialId, String taskId, String workflowId, Instant createdAfter, Instant createdBefore,
        String search) {

    public RunFilter {
        statuses = Set.copyOf(statuses);
        sourceIds = Set.copyOf(sourceIds);
        outcomes = Set.copyOf(outcomes);
        search = search == null || search.isBlank() ? null : search.trim().toLowerCase(Locale.ROOT);
    }

    public static RunFilter none() {
        return new RunFilter(Set.of(), Set.of(), Set.of(), null, null, null, null, null, null, null);
    }

    /** The filter as a predicate; task-level search matches are computed once per task. */
    Predicate<RunRecord> predicate() {
        Map<Task, Boolean> taskMatches = new IdentityHashMap<>();
        return run -> test(run, taskMatches);
    }

    private boolean test(RunRecord run, Map<Task, Boolean> taskMatches) {
        if (!statuses.isEmpty() && !statuses.contains(run.status)) {
            return false;
        }
        if (!sourceIds.isEmpty() && (run.sourceId == null || !sourceIds.contains(run.sourceId))) {
            return false;
        }
        if (!outcomes.isEmpty() && (run.result == null || !outcomes.contains(run.result))) {
            return false;
        }
        if (agentId != null && !agentId.equals(run.task.agentId())) {
            return false;
        }
        if (credentialId != null && !credentialId.equals(run.credentialId)) {
            return false;
        }
        if (taskId != null && !taskId.equals(run.task.id())) {
            return false;
        }
        if (workflowId != null) {
            return false; // runs are never workflow steps in the simulator
        }
        if (search != null) {
            Boolean taskMatch = taskMatches.get(run.task);
            if (taskMatch == null) {
                taskMatch = run.task.id().toLowerCase(Locale.ROOT).contains(search)
                        || run.task.name().toLowerCase(Locale.ROOT).contains(search);
                taskMatches.put(run.task, taskMatch);
            }
            return taskMatch || containsIgnoringCase(run.id, search);
        }
        return true;
    }

    /** Case-insensitive substring test without allocation; {@code needle} is lower case. */
    static boolean containsIgnoringCase(String haystack, String needle) {
        int n = needle.length();
        int max = haystack.length() - n;
        char first = needle.charAt(0);
        outer : for (int i = 0; i <= max; i++) {
            if (lower(haystack.charAt(i)) != first) {
                continue;
            }
            for (int j = 1; j < n; j++) {
                if (lower(haystack.charAt(i + j)) != needle.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static char lower(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return c < 128 ? c : Character.toLowerCase(c);
    }
}
