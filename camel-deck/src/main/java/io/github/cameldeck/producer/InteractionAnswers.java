package io.github.cameldeck.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckWaitingRunException;
import io.github.cameldeck.client.DeckClient;
import io.github.cameldeck.client.TaskRunQuery;
import io.github.cameldeck.model.InteractionField;
import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.model.TaskRunStatus;
import io.github.cameldeck.support.OptionValues;
import org.apache.camel.Message;

/**
 * What submitInteraction knows of the question before it answers: the one run of a credential that waits for input,
 * and the field names the interaction asks for, against which the answer's keys are checked before it is sent.
 */
final class InteractionAnswers {

    /** Enough to name a few of the runs when several wait. */
    private static final int SEVERAL = 10;

    private InteractionAnswers() {
    }

    /** The one run of the credential in interaction_required, with its interaction. */
    static CompletableFuture<TaskRun> waitingRun(DeckClient client, String credentialId, String externalId) {
        TaskRunQuery query = new TaskRunQuery(List.of(TaskRunStatus.INTERACTION_REQUIRED.value()), null, null,
                credentialId, List.of(), null, List.of(), null, null, SEVERAL);
        return client.listTaskRuns(query, null).thenCompose(page -> {
            List<TaskRun> waiting = page.data().stream()
                    .filter(run -> run.getStatus() == TaskRunStatus.INTERACTION_REQUIRED
                            && credentialId.equals(run.getCredentialId()))
                    .toList();
            if (waiting.size() != 1 || page.hasMore()) {
                throw new DeckWaitingRunException(credentialId, externalId,
                        waiting.stream().map(TaskRun::getId).toList());
            }
            TaskRun run = waiting.get(0);
            // a list item may come without its interaction: the run itself has it
            return run.getInteraction() != null
                    ? CompletableFuture.completedFuture(run)
                    : client.getTaskRun(run.getId(), null);
        });
    }

    /** The field names the run's interaction asks for; empty when not known. */
    static List<String> fieldsOf(TaskRun run) {
        if (run.getInteraction() == null) {
            return List.of();
        }
        return run.getInteraction().getFields().stream().map(InteractionField::getName).filter(Objects::nonNull)
                .toList();
    }

    /** The field names of the {@link DeckConstants#INTERACTION_FIELDS} header the run came with; empty when absent. */
    static List<String> fieldsOf(Message in) {
        return OptionValues.splitList(in.getHeader(DeckConstants.INTERACTION_FIELDS, String.class));
    }

    /**
     * Checks the answer's keys against the fields asked for (when known): each asked field answered, nothing else.
     *
     * @throws IllegalArgumentException naming the missing and unknown fields (never their values)
     */
    static void check(ObjectNode values, String runId, List<String> asked) {
        if (asked.isEmpty()) {
            return;
        }
        Set<String> given = new LinkedHashSet<>();
        for (Iterator<String> names = values.fieldNames(); names.hasNext();) {
            given.add(names.next());
        }
        List<String> missing = new ArrayList<>(asked);
        missing.removeAll(given);
        List<String> unknown = new ArrayList<>(given);
        unknown.removeAll(asked);
        if (missing.isEmpty() && unknown.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("submitInteraction: the interaction of ").append(runId)
                .append(" asks for ").append(String.join(", ", asked)).append(';');
        if (!missing.isEmpty()) {
            message.append(" the answer has no ").append(String.join(", ", missing));
        }
        if (!unknown.isEmpty()) {
            message.append(missing.isEmpty() ? "" : ",").append(" the answer has ").append(String.join(", ", unknown))
                    .append(", which it does not ask for");
        }
        throw new IllegalArgumentException(message.append("; nothing was sent").toString());
    }
}
