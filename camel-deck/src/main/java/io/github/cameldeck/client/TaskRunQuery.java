package io.github.cameldeck.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.TaskRun;

/**
 * The filters of {@code GET /task-runs}. Array filters are sent as repeated keys ({@code status=a&status=b}), the
 * encoding the API's OpenAPI description implies.
 */
public record TaskRunQuery(List<String> statuses, String taskId, String agentId, String credentialId,
        List<String> sourceIds, String workflowId, List<String> outcomes, Instant createdAfter,
        Instant createdBefore, int limit) {

    public TaskRunQuery {
        statuses = statuses != null ? List.copyOf(statuses) : List.of();
        sourceIds = sourceIds != null ? List.copyOf(sourceIds) : List.of();
        outcomes = outcomes != null ? List.copyOf(outcomes) : List.of();
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("The pageSize option must be between 1 and 100, was " + limit);
        }
    }

    /** The same filters for other statuses and a window of creation times (either end may be null). */
    public TaskRunQuery withStatusesAndRange(List<String> newStatuses, Instant after, Instant before) {
        return new TaskRunQuery(newStatuses, taskId, agentId, credentialId, sourceIds, workflowId, outcomes, after,
                before,
                limit);
    }

    /** The same filters for another credential. */
    public TaskRunQuery withCredentialId(String newCredentialId) {
        return new TaskRunQuery(statuses, taskId, agentId, newCredentialId, sourceIds, workflowId, outcomes,
                createdAfter, createdBefore, limit);
    }

    /** The query parameters, with the cursor of the page to read (null for the first). */
    public List<Map.Entry<String, String>> toParams(String cursor) {
        return QueryParams.create()
                .addEach("status", statuses)
                .add("task_id", taskId)
                .add("agent_id", agentId)
                .add("credential_id", credentialId)
                .addEach("source_id", sourceIds)
                .add("workflow_id", workflowId)
                .addEach("outcome", outcomes)
                .add("created_after", createdAfter)
                .add("created_before", createdBefore)
                .add("limit", limit)
                .add("cursor", cursor)
                .build();
    }

    /**
     * Whether a run matches the filters other than status and creation time, which Deck applies to the list: for runs
     * that reach the consumer another way (the event log).
     */
    public boolean matches(TaskRun run) {
        return (taskId == null || taskId.equals(run.getTaskId()))
                && (agentId == null || agentId.equals(run.getAgentId()))
                && (credentialId == null || credentialId.equals(run.getCredentialId()))
                && (sourceIds.isEmpty() || sourceIds.contains(run.getSourceId()))
                && (workflowId == null || workflowId.equals(run.getWorkflowId()))
                && (outcomes.isEmpty() || outcomes.contains(run.getResult()));
    }

    /**
     * Whether an event's run summary may match the filters: a field the summary lacks is not held against it (the full
     * run is checked with {@link #matches(TaskRun)} once fetched).
     */
    public boolean mayMatch(DeckEvent event) {
        return mayMatch(taskId, event.dataText("task_id"))
                && mayMatch(agentId, event.dataText("agent_id"))
                && mayMatch(credentialId, event.dataText("credential_id"))
                && (sourceIds.isEmpty() || event.dataText("source_id") == null
                        || sourceIds.contains(event.dataText("source_id")))
                && (outcomes.isEmpty() || event.dataText("result") == null
                        || outcomes.contains(event.dataText("result")));
    }

    private static boolean mayMatch(String wanted, String actual) {
        return wanted == null || actual == null || wanted.equals(actual);
    }
}
