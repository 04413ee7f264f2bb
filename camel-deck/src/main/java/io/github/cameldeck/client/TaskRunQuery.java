package io.github.cameldeck.client;

import java.time.Instant;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            throw new IllegalArgumentException("pageSize must be between 1 and 100, was " + limit);
        }
    }

    public TaskRunQuery withCreatedAfter(Instant after) {
        return new TaskRunQuery(statuses, taskId, agentId, credentialId, sourceIds, workflowId, outcomes, after,
                createdBefore, limit);
    }

    /** The same filters for other statuses and a window of creation times (either end may be null). */
    public TaskRunQuery withStatusesAndRange(List<String> newStatuses, Instant after, Instant before) {
        return new TaskRunQuery(newStatuses, taskId, agentId, credentialId, sourceIds, workflowId, outcomes, after,
                before,
                limit);
    }

    /** The query parameters, with the cursor of the page to read (null for the first). */
    public List<Map.Entry<String, String>> toParams(String cursor) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        statuses.forEach(s -> params.add(entry("status", s)));
        addIfSet(params, "task_id", taskId);
        addIfSet(params, "agent_id", agentId);
        addIfSet(params, "credential_id", credentialId);
        sourceIds.forEach(s -> params.add(entry("source_id", s)));
        addIfSet(params, "workflow_id", workflowId);
        outcomes.forEach(o -> params.add(entry("outcome", o)));
        if (createdAfter != null) {
            params.add(entry("created_after", createdAfter.toString()));
        }
        if (createdBefore != null) {
            params.add(entry("created_before", createdBefore.toString()));
        }
        params.add(entry("limit", Integer.toString(limit)));
        addIfSet(params, "cursor", cursor);
        return params;
    }

    private static void addIfSet(List<Map.Entry<String, String>> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(entry(name, value));
        }
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new SimpleImmutableEntry<>(name, value);
    }
}
