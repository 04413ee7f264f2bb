package io.github.cameldeck.taskruns;

import java.util.List;

import io.github.cameldeck.model.TaskRunStatus;

/**
 * The statuses a taskRuns consumer watches, split by what tells they were entered: a terminal status is entered once per
 * run; a non-terminal one (interaction_required, ...) once per episode, told apart by the event id.
 */
record WatchedStatuses(List<String> terminal, List<String> nonTerminal) {

    static WatchedStatuses of(List<String> statuses) {
        List<String> terminal = statuses.stream().filter(s -> TaskRunStatus.fromValue(s).isTerminal()).toList();
        List<String> nonTerminal = statuses.stream().filter(s -> !TaskRunStatus.fromValue(s).isTerminal()).toList();
        return new WatchedStatuses(terminal, nonTerminal);
    }

    /** The key that records a run as emitted for a terminal status. */
    static String terminalKey(String runId, String status) {
        return runId + ":" + TaskRunStatus.fromValue(status).value();
    }

    /** The key that records one episode of a non-terminal status. */
    static String episodeKey(String runId, String status, String eventId) {
        return runId + ":" + TaskRunStatus.fromValue(status).value() + ":" + eventId;
    }
}
