package io.github.cameldeck.producer;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.client.DeckJson;
import io.github.cameldeck.model.DeckError;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import org.apache.camel.Message;

/**
 * Starting a failed run's task again: which failures deserve it (errors of Deck's own), the Idempotency-Key of each
 * attempt (distinct, and the same when the exchange is redelivered), and the headers that say which attempt a run is.
 */
final class Reruns {

    static final String NEVER = "never";
    static final String DECK_ERRORS = "deckErrors";
    /** The error types Deck counts as its own failures (Deck Errors in its success-rate accounting). */
    static final Set<String> DECK_ERROR_TYPES = Set.of("api", "session", "task", "storage");

    private Reruns() {
    }

    /** @throws IllegalArgumentException naming a wrong rerunOn or maxRunAttempts */
    static void check(DeckConfiguration configuration) {
        String rerunOn = configuration.getRerunOn();
        if (rerunOn != null && !rerunOn.equals(NEVER) && !rerunOn.equals(DECK_ERRORS)) {
            throw new IllegalArgumentException("The rerunOn option is never or deckErrors, not '" + rerunOn + "'");
        }
        if (configuration.getMaxRunAttempts() < 1) {
            throw new IllegalArgumentException("The maxRunAttempts option must be 1 or more, was "
                    + configuration.getMaxRunAttempts());
        }
        if (isOn(configuration) && !configuration.isWaitForCompletion()) {
            throw new IllegalArgumentException("rerunOn=deckErrors needs waitForCompletion=true: runTask only knows a "
                    + "run failed when it waits for it");
        }
    }

    static boolean isOn(DeckConfiguration configuration) {
        return DECK_ERRORS.equals(configuration.getRerunOn());
    }

    /** Whether attempt {@code number} failed with errors of Deck's own only, and another attempt is allowed. */
    static boolean shouldRerun(DeckConfiguration configuration, TaskRun run, int number) {
        return isOn(configuration) && number < configuration.getMaxRunAttempts() && isDecksOwnFailure(run);
    }

    static boolean isDecksOwnFailure(TaskRun run) {
        List<DeckError> errors = run.getErrors();
        return run.getStatus() == TaskRunStatus.FAILED && errors != null && !errors.isEmpty()
                && errors.stream().allMatch(error -> DECK_ERROR_TYPES.contains(error.getType()));
    }

    /** The key of attempt {@code number} (2 or more) of the exchange whose first attempt was sent with {@code key}. */
    static String attemptKey(String key, int number) {
        return OperationGroup.fitKey(key + "-attempt-" + number);
    }

    /** The key of rerunTaskRun's run: one rerun per run, however often the exchange is redelivered. */
    static String rerunKey(String runId) {
        return OperationGroup.fitKey("camel-rerun-" + runId);
    }

    /** The run's input (read with include=input) as the body of its rerun; null when it had none. */
    static ObjectNode inputOf(TaskRun run) {
        JsonNode input = run.getInput() == null ? null : DeckJson.mapper().valueToTree(run.getInput());
        return input instanceof ObjectNode object ? object : null;
    }

    static void setHeaders(Message message, int number, List<String> previous) {
        message.setHeader(DeckConstants.RUN_ATTEMPT, number);
        if (previous.isEmpty()) {
            message.removeHeader(DeckConstants.PREVIOUS_RUN_IDS);
        } else {
            message.setHeader(DeckConstants.PREVIOUS_RUN_IDS, List.copyOf(previous));
        }
    }
}
