package io.github.cameldeck.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckApiException;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.client.Futures;
import io.github.cameldeck.client.RunSlots;
import io.github.cameldeck.client.RunTaskRequest;
import io.github.cameldeck.client.RunWatcher;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.TaskRun;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The operations on task runs: runTask, submitInteraction, getTaskRun, cancelTaskRun, listTaskRuns, rerunTaskRun. A
 * waitForCompletion waits through the organization's {@link RunWatcher}.
 */
final class RunOperations extends OperationGroup {

    RunOperations(DeckEndpoint endpoint) {
        super(endpoint);
        register(DeckOperation.runTask, this::runTask, () -> Reruns.check(configuration));
        register(DeckOperation.submitInteraction, this::submitInteraction);
        register(DeckOperation.getTaskRun, this::getTaskRun);
        register(DeckOperation.cancelTaskRun, this::cancelTaskRun);
        register(DeckOperation.listTaskRuns, this::listTaskRuns);
        register(DeckOperation.rerunTaskRun, this::rerunTaskRun);
    }

    private CompletableFuture<Void> runTask(Exchange exchange) {
        Message in = exchange.getIn();
        String taskId = required(in, DeckConstants.TASK_ID, configuration.getTaskId(), "taskId", DeckOperation.runTask);
        String credentialId = value(in, DeckConstants.CREDENTIAL_ID, configuration.getCredentialId());
        String sourceId = value(in, DeckConstants.SOURCE_ID, configuration.getSourceId());
        String externalId = credentialId == null ? externalId(exchange) : null;
        ObjectNode input = DeckBodies.toJsonObject(in.getBody(), DeckOperation.runTask);
        String key = idempotencyKey(exchange, DeckOperation.runTask, taskId);
        CompletableFuture<String> credential = externalId != null
                ? endpoint.credentialIdOf(externalId, sourceId)
                : CompletableFuture.completedFuture(credentialId);
        Reruns.check(configuration);
        String sessionId = value(in, DeckConstants.SESSION_ID, configuration.getSessionId());
        return credential.thenCompose(resolved -> attempt(exchange, taskId,
                new RunTaskRequest(resolved, sourceId, sessionId, input), key, 1, new ArrayList<>()))
                .thenCompose(run -> replyRun(exchange, run, externalId));
    }

    /**
     * One attempt of a runTask: starts the run and waits if asked; with rerunOn=deckErrors, a run that failed with an
     * error of Deck's own is started again (a new session, a key of its own) until maxRunAttempts runs were started.
     */
    private CompletableFuture<TaskRun> attempt(Exchange exchange, String taskId, RunTaskRequest body, String key,
            int number, List<String> previous) {
        String attemptKey = number == 1 ? key : Reruns.attemptKey(key, number);
        return start(taskId, body, attemptKey)
                .thenCompose(run -> waitIfAsked(exchange, run))
                .thenCompose(run -> {
                    if (Reruns.shouldRerun(configuration, run, number)) {
                        previous.add(run.getId());
                        RunTaskRequest again = new RunTaskRequest(body.credentialId(), body.sourceId(), null,
                                body.input());
                        return attempt(exchange, taskId, again, key, number + 1, previous);
                    }
                    if (Reruns.isOn(configuration)) {
                        Reruns.setHeaders(exchange.getMessage(), number, previous);
                    }
                    return CompletableFuture.completedFuture(run);
                });
    }

    /**
     * Starts the run's task again with its input, credential and source, under an Idempotency-Key of its own derived
     * from the run, so redelivering the exchange does not start a third.
     */
    private CompletableFuture<Void> rerunTaskRun(Exchange exchange) {
        Message in = exchange.getIn();
        String runId = required(in, DeckConstants.RUN_ID, configuration.getRunId(), "runId",
                DeckOperation.rerunTaskRun);
        String given = value(in, DeckConstants.IDEMPOTENCY_KEY, configuration.getIdempotencyKey());
        String key = given != null
                ? idempotencyKey(exchange, DeckOperation.rerunTaskRun, runId)
                : Reruns.rerunKey(runId);
        return endpoint.getClient().getTaskRun(runId, "input").thenCompose(original -> {
            RunTaskRequest body = new RunTaskRequest(original.getCredentialId(), original.getSourceId(), null,
                    Reruns.inputOf(original));
            return start(original.getTaskId(), body, key);
        })
                .thenCompose(run -> waitIfAsked(exchange, run))
                .thenCompose(run -> replyRun(exchange, run, null))
                .thenRun(() -> exchange.getMessage().setHeader(DeckConstants.PREVIOUS_RUN_IDS, List.of(runId)));
    }

    private CompletableFuture<TaskRun> start(String taskId, RunTaskRequest body, String key) {
        RunSlots slots = endpoint.getRunSlots();
        CompletableFuture<TaskRun> started = slots == null
                ? endpoint.getClient().runTask(taskId, body, key)
                : startInSlot(slots, taskId, body, key);
        return started.whenComplete((run, error) -> {
            if (error != null && body.credentialId() != null && refusesCredential(Futures.unwrap(error))) {
                endpoint.getCredentialDirectory().forget(body.credentialId());
            }
        });
    }

    /** Deck refused the credential as deleted or unknown: an external id must not keep naming it. */
    private static boolean refusesCredential(Throwable error) {
        return error instanceof DeckApiException api && api.getErrors().stream()
                .anyMatch(e -> "credential_deleted".equals(e.getCode()) || "credential_not_found".equals(e.getCode()));
    }

    /**
     * maxConcurrentRuns: waits for a slot (up to sessionLimitTimeout), starts the run, and frees the slot when the run
     * is terminal, as the organization's run watcher sees it; a run that could not start frees it at once.
     */
    private CompletableFuture<TaskRun> startInSlot(RunSlots slots, String taskId, RunTaskRequest body, String key) {
        ScheduledExecutorService scheduler = endpoint.getComponent().getScheduler();
        long timeoutMs = configuration.getSessionLimitTimeout();
        CompletableFuture<Void> slot = slots.take(scheduler);
        return slot.orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(Futures.unwrap(
                        error) instanceof TimeoutException
                                ? new IllegalStateException("runTask waited " + timeoutMs + " ms (sessionLimitTimeout) "
                                        + "for one of the " + slots.max()
                                        + " runs of maxConcurrentRuns to finish")
                                : Futures.unwrap(error)))
                .thenCompose(granted -> endpoint.getClient().runTask(taskId, body, key))
                .whenComplete((run, error) -> {
                    if (error != null) {
                        if (slot.isDone() && !slot.isCompletedExceptionally()) {
                            slots.giveBack();
                        }
                    } else if (slots.started(run.getId())) {
                        endpoint.getRunWatcher().untilTerminal(run)
                                .whenComplete((last, failure) -> slots.finished(run.getId()));
                    }
                });
    }

    private CompletableFuture<Void> submitInteraction(Exchange exchange) {
        Message in = exchange.getIn();
        ObjectNode values = DeckBodies.toJsonObject(in.getBody(), DeckOperation.submitInteraction);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(
                    "submitInteraction needs the values of the interaction's fields in the body, "
                            + "e.g. {\"code\": \"123456\"}, but the body is "
                            + (values == null ? "empty" : "an empty object"));
        }
        String runId = value(in, DeckConstants.RUN_ID, configuration.getRunId());
        if (runId != null) {
            InteractionAnswers.check(values, runId, InteractionAnswers.fieldsOf(in));
            return answer(exchange, runId, values, null);
        }
        String credentialId = value(in, DeckConstants.CREDENTIAL_ID, configuration.getCredentialId());
        String externalId = credentialId == null ? externalId(exchange) : null;
        if (credentialId == null && externalId == null) {
            throw new IllegalArgumentException("submitInteraction needs the runId option or the " + DeckConstants.RUN_ID
                    + " header, or the credentialId or externalId (options or headers) of the credential whose "
                    + "waiting run it answers");
        }
        // a key given by the exchange is checked now, before any request
        idempotencyKey(exchange, DeckOperation.submitInteraction, "");
        CompletableFuture<String> credential = externalId != null
                ? endpoint.credentialIdOf(externalId, value(in, DeckConstants.SOURCE_ID, configuration.getSourceId()))
                : CompletableFuture.completedFuture(credentialId);
        return credential
                .thenCompose(id -> InteractionAnswers.waitingRun(endpoint.getClient(), id, externalId))
                .thenCompose(run -> {
                    InteractionAnswers.check(values, run.getId(), InteractionAnswers.fieldsOf(run));
                    return answer(exchange, run.getId(), values, externalId);
                });
    }

    private CompletableFuture<Void> answer(Exchange exchange, String runId, ObjectNode values, String externalId) {
        String key = idempotencyKey(exchange, DeckOperation.submitInteraction, runId);
        return endpoint.getClient().submitInteraction(runId, values, key)
                .thenCompose(run -> waitIfAsked(exchange, run))
                .thenCompose(run -> replyRun(exchange, run, externalId));
    }

    private CompletableFuture<Void> getTaskRun(Exchange exchange) {
        String runId = required(exchange.getIn(), DeckConstants.RUN_ID, configuration.getRunId(), "runId",
                DeckOperation.getTaskRun);
        return endpoint.getClient().getTaskRun(runId, endpoint.getInclude())
                .thenCompose(run -> waitIfAsked(exchange, run))
                .thenCompose(run -> replyRun(exchange, run, null));
    }

    private CompletableFuture<Void> cancelTaskRun(Exchange exchange) {
        String runId = required(exchange.getIn(), DeckConstants.RUN_ID, configuration.getRunId(), "runId",
                DeckOperation.cancelTaskRun);
        String key = idempotencyKey(exchange, DeckOperation.cancelTaskRun, runId);
        return endpoint.getClient().cancelTaskRun(runId, key)
                .thenCompose(run -> replyRun(exchange, run, null));
    }

    private CompletableFuture<Void> listTaskRuns(Exchange exchange) {
        String externalId = externalId(exchange);
        if (externalId == null) {
            return list(exchange, cursor -> endpoint.getClient().listTaskRuns(endpoint.getTaskRunQuery(), cursor));
        }
        // the sourceId option of a list may name several sources: only one narrows the credential down
        String sourceId = value(exchange.getIn(), DeckConstants.SOURCE_ID, configuration.getSourceId());
        return endpoint.credentialIdOf(externalId, sourceId != null && sourceId.contains(",") ? null : sourceId)
                .thenCompose(credentialId -> {
                    TaskRunQuery query = endpoint.getTaskRunQuery().withCredentialId(credentialId);
                    return list(exchange, cursor -> endpoint.getClient().listTaskRuns(query, cursor));
                });
    }

    private CompletableFuture<TaskRun> waitIfAsked(Exchange exchange, TaskRun run) {
        if (!configuration.isWaitForCompletion()) {
            return CompletableFuture.completedFuture(run);
        }
        return endpoint.getRunWatcher().waitFor(run, configuration.getWaitTimeout())
                .thenCompose(last -> cancelIfAsked(exchange, last));
    }

    /** cancelOnWaitTimeout: a run still unsettled when waitTimeout passed is canceled; the exchange gets its answer. */
    private CompletableFuture<TaskRun> cancelIfAsked(Exchange exchange, TaskRun run) {
        if (!configuration.isCancelOnWaitTimeout() || RunWatcher.isSettled(run)) {
            return CompletableFuture.completedFuture(run);
        }
        String key = idempotencyKey(exchange, DeckOperation.cancelTaskRun, run.getId());
        return endpoint.getClient().cancelTaskRun(run.getId(), key);
    }
}
