package io.github.cameldeck.simulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Screenshot;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.TaskRunState;
import io.github.cameldeck.simulator.TaskRunStatus;

/**
 * The mutable state of one task run. Only touched under the simulator's lock; the outside world sees
 * {@link TaskRunState} snapshots. Lists are replaced, never mutated, so snapshots can share them.
 */
final class RunRecord {

    final String id;
    final Task task;
    /** The task's place in the task store when the run was created: tells a deleted task from a new one with its id. */
    final SortKey taskKey;
    final String credentialId;
    final String sourceId;
    final Instant createdAt;
    final JsonNode input;
    final Scenario scenario;
    final String clientRequestId;

    SessionRecord session;
    TaskRunStatus status = TaskRunStatus.QUEUED;
    String result;
    JsonNode output;
    List<DeckError> errors = List.of();
    Interaction interaction;
    Instant canceledAt;
    Instant updatedAt;
    Instant startedAt;
    Instant endedAt;

    /** Index of the next interaction of the scenario. */
    int step;
    /** Wrong answers to the current interaction. */
    int wrongAnswers;
    int episodeCount;
    /** Bumped whenever pending scheduled transitions become obsolete. */
    int generation;
    List<StorageItem> storage = List.of();
    List<Screenshot> screenshots = List.of();

    RunRecord(String id, Task task, SortKey taskKey, String credentialId, String sourceId, Instant createdAt,
            JsonNode input,
            Scenario scenario, String clientRequestId) {
        this.id = id;
        this.task = task;
        this.taskKey = taskKey;
        this.credentialId = credentialId;
        this.sourceId = sourceId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.input = input;
        this.scenario = scenario;
        this.clientRequestId = clientRequestId;
    }

    Instant createdAt() {
        return createdAt;
    }

    String id() {
        return id;
    }

    /** Time spent out of {@code queued}, up to now or the end of the run. */
    long runtimeMs(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        Instant end = endedAt != null ? endedAt : now;
        return Math.max(0, Duration.between(startedAt, end).toMillis());
    }

    void addScreenshot(Instant at, String reasoning) {
        List<Screenshot> list = new ArrayList<>(screenshots.size() + 1);
        list.addAll(screenshots);
        list.add(new Screenshot(list.size() + 1, at, reasoning));
        screenshots = List.copyOf(list);
    }

    TaskRunState snapshot(Instant now, String cancelingSpelling) {
        return new TaskRunState(id, task.id(), task.name(), task.agentId(), credentialId, sourceId,
                session == null ? null : session.id, null, status.wire(cancelingSpelling), status, result, input,
                output, errors, interaction, canceledAt, createdAt, updatedAt, runtimeMs(now), episodeCount, storage,
                screenshots, clientRequestId);
    }
}
