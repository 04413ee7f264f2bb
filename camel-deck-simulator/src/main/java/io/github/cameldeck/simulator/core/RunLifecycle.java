package io.github.cameldeck.simulator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.Interaction;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.StorageFile;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.TaskRunStatus;
import io.github.cameldeck.simulator.core.ScheduledTransition.Kind;
import io.github.cameldeck.simulator.json.Json;

/**
 * Moves runs through their lifecycle: keeps the due transitions in a priority queue and applies them in due-time
 * order, stamping {@code updated_at} with the due time and appending a {@code task_run.<status>} event for every
 * change. Also applies the client-driven changes (interaction input, cancel). Used under the simulator's lock.
 */
final class RunLifecycle {

    static final String RETRY_PREFIX = "The value was not accepted. ";

    private final DeckState state;
    private final TaskProgression progression;
    private final PriorityQueue<ScheduledTransition> due = new PriorityQueue<>();
    private long sequence;

    RunLifecycle(DeckState state, TaskProgression progression) {
        this.state = state;
        this.progression = progression;
    }

    /** Applies every transition due at or before {@code now}, oldest first. */
    void processDue(Instant now) {
        ScheduledTransition next;
        while ((next = due.peek()) != null && !next.dueAt().isAfter(now)) {
            due.poll();
            apply(next);
        }
    }

    void clear() {
        due.clear();
    }

    int pendingTransitions() {
        return due.size();
    }

    /** A new run was stored: record {@code task_run.queued} and schedule its start. */
    void created(RunRecord run, Instant now) {
        record(run, now);
        schedule(run, Kind.START, now.plus(run.scenario.queueTime()));
    }

    private void schedule(RunRecord run, Kind kind, Instant at) {
        due.add(new ScheduledTransition(at, sequence++, run, run.generation, kind));
    }

    private void apply(ScheduledTransition t) {
        RunRecord run = t.run();
        Instant at = t.dueAt();
        if (t.kind() == Kind.TASK_TIMEOUT) {
            if (!run.status.isTerminal() && run.status != TaskRunStatus.CANCELING) {
                run.generation++;
                fail(run, taskTimeoutError(run.task.timeoutSeconds()), at);
            }
            return;
        }
        if (t.generation() != run.generation) {
            return;
        }
        switch (t.kind()) {
            case START :
                if (run.status == TaskRunStatus.QUEUED) {
                    start(run, at);
                }
                break;
            case PROMPT :
                if (run.status == TaskRunStatus.RUNNING) {
                    prompt(run, at);
                }
                break;
            case INTERACTION_TIMEOUT :
                if (run.status == TaskRunStatus.INTERACTION_REQUIRED) {
                    fail(run, new DeckError("interaction", "interaction_timeout",
                            "No response was submitted for the verification prompt in time."), at);
                }
                break;
            case AUTH_FAIL :
                if (run.status == TaskRunStatus.RUNNING) {
                    fail(run, new DeckError("auth", "auth_invalid",
                            "The source rejected the submitted verification input too many times."), at);
                }
                break;
            case FINISH :
                if (run.status == TaskRunStatus.RUNNING) {
                    finish(run, at);
                }
                break;
            case REVIEW_DONE :
                if (run.status == TaskRunStatus.REVIEW_REQUIRED) {
                    complete(run, at);
                }
                break;
            case CANCEL_DONE :
                if (run.status == TaskRunStatus.CANCELING) {
                    canceled(run, at);
                }
                break;
            default :
                throw new IllegalStateException("Unhandled transition " + t.kind());
        }
    }

    private void start(RunRecord run, Instant at) {
        run.status = TaskRunStatus.RUNNING;
        run.startedAt = at;
        if (run.session == null || !run.session.isLive(at)) {
            run.session = openSession(at);
        }
        if (!run.session.runs.contains(run)) {
            run.session.runs.add(run);
        }
        run.session.runStarted(at);
        run.addScreenshot(at, "Opened the source website and started signing in.");
        record(run, at);
        schedule(run, Kind.TASK_TIMEOUT, at.plusSeconds(run.task.timeoutSeconds()));
        scheduleNextStep(run, at);
    }

    SessionRecord openSession(Instant at) {
        SessionRecord session = new SessionRecord(state.newId("sess_", at), at);
        state.sessions.put(session.id, session);
        return session;
    }

    private void scheduleNextStep(RunRecord run, Instant at) {
        Scenario scenario = run.scenario;
        if (scenario.outcome() == Scenario.Outcome.HANG) {
            return;
        }
        Duration segment = scenario.segmentTime();
        if (run.step < scenario.interactions().size()) {
            schedule(run, Kind.PROMPT, at.plus(segment));
        } else if (scenario.outcome() != Scenario.Outcome.TIMEOUT) {
            schedule(run, Kind.FINISH, at.plus(segment));
        }
    }

    private void prompt(RunRecord run, Instant at) {
        Interaction base = run.scenario.interactions().get(run.step);
        run.interaction = run.wrongAnswers > 0 ? base.withMessage(RETRY_PREFIX + base.message()) : base;
        run.status = TaskRunStatus.INTERACTION_REQUIRED;
        run.episodeCount++;
        run.addScreenshot(at, "The source asked for more information (" + base.type() + "); pausing for user input.");
        record(run, at);
        schedule(run, Kind.INTERACTION_TIMEOUT, at.plus(run.scenario.interactionTimeout()));
    }

    /** Client input for the pending interaction; the run goes back to running. */
    void submit(RunRecord run, JsonNode input, Instant now) {
        if (run.status != TaskRunStatus.INTERACTION_REQUIRED) {
            throw ApiException.conflict("interaction_not_pending", "Task run " + run.id
                    + " is not waiting for an interaction (status: " + run.status.wire(state.spelling()) + ").");
        }
        String missing = run.interaction.firstMissingField(input);
        if (missing != null) {
            throw ApiException.inputMissing("input." + missing);
        }
        boolean accepted = run.interaction.accepts(input, now);
        run.generation++;
        run.interaction = null;
        run.status = TaskRunStatus.RUNNING;
        record(run, now);
        if (accepted) {
            run.step++;
            run.wrongAnswers = 0;
            scheduleNextStep(run, now);
        } else {
            run.wrongAnswers++;
            Kind next = run.wrongAnswers >= run.scenario.maxAttempts() ? Kind.AUTH_FAIL : Kind.PROMPT;
            schedule(run, next, now.plus(run.scenario.repromptDelay()));
        }
    }

    /** Client cancel: a non-terminal run goes to canceling (no-op if already there). */
    void cancel(RunRecord run, Instant now) {
        if (run.status.isTerminal()) {
            throw ApiException.conflict("run_not_cancelable", "Task run " + run.id + " is already "
                    + run.status.wire(state.spelling()) + " and cannot be canceled.");
        }
        if (run.status == TaskRunStatus.CANCELING) {
            return;
        }
        run.generation++;
        run.status = TaskRunStatus.CANCELING;
        run.interaction = null;
        record(run, now);
        schedule(run, Kind.CANCEL_DONE, now.plus(run.scenario.cancelDelay()));
    }

    private void finish(RunRecord run, Instant at) {
        Scenario scenario = run.scenario;
        if (scenario.outcome() == Scenario.Outcome.FAILED) {
            fail(run, scenario.error(), at);
        } else if (scenario.reviewTime() != null) {
            run.status = TaskRunStatus.REVIEW_REQUIRED;
            run.output = outputOf(run);
            run.addScreenshot(at, "Collected the results; waiting for review.");
            record(run, at);
            schedule(run, Kind.REVIEW_DONE, at.plus(scenario.reviewTime()));
        } else {
            complete(run, at);
        }
    }

    private void complete(RunRecord run, Instant at) {
        run.status = TaskRunStatus.COMPLETED;
        run.result = "success";
        run.output = outputOf(run);
        run.interaction = null;
        run.endedAt = at;
        run.storage = storageItemsOf(run, at);
        List<String> names = new ArrayList<>();
        for (StorageItem item : run.storage) {
            state.storageItems.put(item.id(), item);
            names.add(item.fileName());
        }
        run.addScreenshot(at, "Downloaded " + String.join(", ", names) + " and extracted the results.");
        ended(run, at);
        record(run, at);
        updateCredential(run, "unverified", "verified", at);
        progression.runCompleted(run, at);
    }

    private void fail(RunRecord run, DeckError error, Instant at) {
        run.status = TaskRunStatus.FAILED;
        run.result = "failure";
        run.errors = List.of(error);
        run.interaction = null;
        run.endedAt = at;
        run.addScreenshot(at, "Stopped: " + error.message());
        ended(run, at);
        record(run, at);
        if ("auth_invalid".equals(error.code())) {
            updateCredential(run, null, "invalid", at);
        }
    }

    private void canceled(RunRecord run, Instant at) {
        run.status = TaskRunStatus.CANCELED;
        run.result = "unknown";
        run.canceledAt = at;
        run.endedAt = at;
        ended(run, at);
        record(run, at);
    }

    private void ended(RunRecord run, Instant at) {
        state.openRuns--;
        if (run.session == null) {
            return;
        }
        if (run.startedAt != null) {
            run.session.runEnded(at);
        } else if (run.session.activeRuns == 0 && run.session.idleSince == null) {
            run.session.idleSince = at; // canceled before it started: let the session expire
        }
    }

    private void record(RunRecord run, Instant at) {
        run.updatedAt = at;
        state.events.append(run.status.eventType(), RunEventPayload.of(run, at, state.spelling()), at);
    }

    /**
     * Moves the run's credential to {@code toStatus} (recording {@code credential.<toStatus>}) if it is in
     * {@code fromStatus} (null = any status but deleted: a deleted credential keeps its status).
     */
    private void updateCredential(RunRecord run, String fromStatus, String toStatus, Instant at) {
        Credential credential = state.credentials.get(run.credentialId);
        if (credential == null || credential.status().equals(toStatus) || credential.isDeleted()
                || (fromStatus != null && !credential.status().equals(fromStatus))) {
            return;
        }
        Credential changed = credential.withStatus(toStatus, at);
        state.credentials.replace(changed);
        CatalogEvents.credential(state, "credential." + toStatus, changed, at);
    }

    private static JsonNode outputOf(RunRecord run) {
        if (run.scenario.hasCustomOutput()) {
            JsonNode output = run.scenario.output();
            return output == null || output.isNull() ? null : output;
        }
        ObjectNode output = Json.object();
        output.set("echo", run.input == null ? NullNode.getInstance() : run.input);
        output.put("task", run.task.name());
        return output;
    }

    /** The scenario's files, or one PDF named after the task and the run; each carries the output as extraction. */
    private List<StorageItem> storageItemsOf(RunRecord run, Instant at) {
        List<StorageFile> files = run.scenario.files().isEmpty() ? List.of(defaultFile(run)) : run.scenario.files();
        JsonNode extraction = run.task.extractionEnabled() ? run.output : null;
        List<StorageItem> items = new ArrayList<>(files.size());
        for (StorageFile file : files) {
            items.add(new StorageItem(state.newId("stor_", at), run.id, file.fileName(), file.fileType(),
                    file.fileSize(), at, extraction));
        }
        return List.copyOf(items);
    }

    private static StorageFile defaultFile(RunRecord run) {
        String slug = run.task.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String fileName = (slug.isEmpty() ? "document" : slug) + "_" + run.id.substring(run.id.length() - 6)
                + ".pdf";
        return StorageFile.pdf(fileName, 100_000L + Math.floorMod(run.id.hashCode(), 200_000));
    }

    static DeckError taskTimeoutError(int timeoutSeconds) {
        String limit;
        if (timeoutSeconds % 60 == 0) {
            int minutes = timeoutSeconds / 60;
            limit = minutes + (minutes == 1 ? " minute" : " minutes");
        } else {
            limit = timeoutSeconds + (timeoutSeconds == 1 ? " second" : " seconds");
        }
        return new DeckError("task", "timeout", "Task execution exceeded the timeout of " + limit + ".");
    }
}
