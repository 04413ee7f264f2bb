package io.github.cameldeck.simulator.core;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.DeckError;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.ScenarioFormatException;
import io.github.cameldeck.simulator.StorageItem;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.TaskRunState;
import io.github.cameldeck.simulator.TaskRunStatus;

/** Task runs (create, fetch, list, interaction input, cancel), their storage items and sessions. */
public final class RunService {

    /** Input key that overrides the task's scenario for one run. */
    public static final String SCENARIO_KEY = "_scenario";

    private final SimulatorEngine engine;

    public RunService(SimulatorEngine engine) {
        this.engine = engine;
    }

    /**
     * Creates a run in {@code queued}.
     *
     * @throws ApiException 404 for an unknown task, credential, source or session; 400 for invalid input or scenario;
     *         429 {@code session_limit_exceeded} when the session limit is reached
     */
    public TaskRunState create(RunDraft draft) {
        return engine.call(now -> {
            RunRecord run = createLocked(draft, now);
            return run.snapshot(now, engine.state().spelling());
        });
    }

    /** The next runs of the task fail with these errors, one each, in order; later runs follow its scenario. */
    public void failNextRuns(String taskId, List<DeckError> errors) {
        engine.call(now -> {
            CatalogService.requireTask(engine.state(), taskId);
            engine.state().plannedFailures.computeIfAbsent(taskId, id -> new ArrayDeque<>()).addAll(errors);
            return null;
        });
    }

    private RunRecord createLocked(RunDraft draft, Instant now) {
        DeckState state = engine.state();
        Task task = CatalogService.requireTask(state, draft.taskId());
        String sourceId = null;
        if (draft.sourceId() != null) {
            sourceId = CatalogService.requireSource(state, draft.sourceId()).id();
        }
        String credentialId = null;
        if (draft.credentialId() != null) {
            Credential credential = CatalogService.requireCredential(state, draft.credentialId());
            if (credential.isDeleted()) {
                throw ApiException.credentialDeleted(credential.id(), "credential_id");
            }
            CatalogService.requireSource(state, credential.sourceId());
            if (sourceId != null && !sourceId.equals(credential.sourceId())) {
                throw ApiException.inputInvalid("source_id", "Credential " + credential.id()
                        + " belongs to source " + credential.sourceId() + ", not " + sourceId + ".");
            }
            credentialId = credential.id();
            sourceId = credential.sourceId();
        }
        if (sourceId != null && state.blockedSources.contains(sourceId)) {
            throw new ApiException(403, new io.github.cameldeck.simulator.DeckError("source", "source_blocked",
                    "Source " + sourceId + " is on a blocklist."));
        }
        SessionRecord session = null;
        if (draft.sessionId() != null) {
            session = state.sessions.get(draft.sessionId());
            if (session == null) {
                throw ApiException.notFound("request", "session_not_found",
                        "No session with id " + draft.sessionId() + " exists.");
            }
            if (!session.isLive(now)) {
                session = null; // an ended session is not reused: the run gets a new one
            }
        }
        JsonNode input = draft.input() == null || draft.input().isNull() ? null : draft.input().deepCopy();
        if (input != null && !input.isObject()) {
            throw ApiException.inputInvalid("input", "`input` must be a JSON object.");
        }
        Scenario scenario;
        try {
            scenario = task.scenario().overriddenBy(input == null ? null : input.get(SCENARIO_KEY),
                    "input." + SCENARIO_KEY);
        } catch (ScenarioFormatException e) {
            throw ApiException.inputInvalid(e.field(), e.getMessage());
        }
        Deque<DeckError> planned = state.plannedFailures.get(task.id());
        if (planned != null && !planned.isEmpty()) {
            scenario = scenario.withOutcome(Scenario.Outcome.FAILED).withError(planned.poll());
        }
        InputSchemaCheck.validate(task.inputSchema(), input);
        int limit = state.settings.sessionLimit();
        if (limit > 0 && state.openRuns >= limit) {
            throw new ApiException(429,
                    new DeckError("rate_limit", "session_limit_exceeded", "Agent sandbox limit exceeded."));
        }
        RunRecord run = new RunRecord(state.newId("trun_", now), task, state.tasks.keyOf(task.id()), credentialId,
                sourceId, now, input, scenario,
                draft.clientRequestId());
        if (session == null && state.settings.assignSessionOnCreate()) {
            session = engine.lifecycle().openSession(now);
        }
        if (session != null) {
            run.session = session;
            session.runs.add(run);
        }
        state.runs.add(run);
        state.openRuns++;
        engine.lifecycle().created(run, now);
        return run;
    }

    public TaskRunState get(String runId) {
        return engine.call(now -> requireRun(runId).snapshot(now, engine.state().spelling()));
    }

    /** All runs, newest first. */
    public List<TaskRunState> all() {
        return engine.call(now -> {
            List<TaskRunState> list = new ArrayList<>(engine.state().runs.size());
            for (RunRecord run : engine.state().runs.newestFirst()) {
                list.add(run.snapshot(now, engine.state().spelling()));
            }
            return list;
        });
    }

    public int count() {
        return engine.call(now -> engine.state().runs.size());
    }

    /**
     * One page of runs, newest first. With {@code pageShift > 0}, that many new runs of the most recent task are
     * created before serving a continuation page (a fault).
     */
    public Page<TaskRunState> list(RunFilter filter, PageRequest page, boolean offsetCursors, int pageShift) {
        return engine.call(now -> {
            DeckState state = engine.state();
            if (page.isContinuation()) {
                createRunsOfLatestTask(pageShift, now);
            }
            return Pager.page(state.runs, page, filter.predicate(), filter.createdAfter(), filter.createdBefore(),
                    offsetCursors, run -> run.snapshot(now, state.spelling()));
        });
    }

    /** Creates {@code count} runs (no input) of the most recently created task, if any (the page-shift fault). */
    public void createRunsOfLatestTask(int count) {
        engine.call(now -> {
            createRunsOfLatestTask(count, now);
            return null;
        });
    }

    private void createRunsOfLatestTask(int count, Instant now) {
        Task latest = engine.state().tasks.newest();
        for (int i = 0; i < count && latest != null; i++) {
            try {
                createLocked(RunDraft.of(latest.id(), null), now);
            } catch (ApiException e) {
                return; // e.g. the session limit: no more arrivals
            }
        }
    }

    /** Submits interaction input; the run goes back to {@code running}. */
    public TaskRunState submitInteraction(String runId, JsonNode input) {
        return engine.call(now -> {
            RunRecord run = requireRun(runId);
            engine.lifecycle().submit(run, input == null ? NullNode.getInstance() : input, now);
            return run.snapshot(now, engine.state().spelling());
        });
    }

    /** Requests cancellation: the run goes to {@code canceling}, then {@code canceled}. */
    public TaskRunState cancel(String runId) {
        return engine.call(now -> {
            RunRecord run = requireRun(runId);
            engine.lifecycle().cancel(run, now);
            return run.snapshot(now, engine.state().spelling());
        });
    }

    public StorageItem storageItem(String storageId) {
        return engine.call(now -> {
            StorageItem item = engine.state().storageItems.get(storageId);
            if (item == null) {
                throw ApiException.notFound("request", "storage_not_found",
                        "No storage item with id " + storageId + " exists.");
            }
            return item;
        });
    }

    public SessionSnapshot session(String sessionId) {
        return engine.call(now -> snapshot(requireSession(sessionId), now));
    }

    /** Ends a session: non-terminal runs in it are canceled; the session becomes {@code completed}. */
    public SessionSnapshot endSession(String sessionId) {
        return engine.call(now -> {
            SessionRecord session = requireSession(sessionId);
            if (session.isLive(now)) {
                for (RunRecord run : session.runs) {
                    if (!run.status.isTerminal() && run.status != TaskRunStatus.CANCELING) {
                        engine.lifecycle().cancel(run, now);
                    }
                }
                session.endedAt = now;
                session.updatedAt = now;
            }
            return snapshot(session, now);
        });
    }

    private SessionSnapshot snapshot(SessionRecord session, Instant now) {
        List<SessionSnapshot.RunRef> refs = new ArrayList<>(session.runs.size());
        for (RunRecord run : session.runs) {
            refs.add(new SessionSnapshot.RunRef(run.id, run.task.id(), run.task.agentId(), run.credentialId));
        }
        return new SessionSnapshot(session.id, session.status(now), session.runtimeMs(now), refs, session.createdAt,
                session.updatedAt(now));
    }

    private SessionRecord requireSession(String sessionId) {
        SessionRecord session = engine.state().sessions.get(sessionId);
        if (session == null) {
            throw ApiException.notFound("request", "session_not_found",
                    "No session with id " + sessionId + " exists.");
        }
        return session;
    }

    private RunRecord requireRun(String runId) {
        RunRecord run = engine.state().runs.get(runId);
        if (run == null) {
            throw ApiException.notFound("request", "task_run_not_found", "No task run with id " + runId + " exists.");
        }
        return run;
    }
}
