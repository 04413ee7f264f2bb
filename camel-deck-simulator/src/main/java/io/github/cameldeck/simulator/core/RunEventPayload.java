package io.github.cameldeck.simulator.core;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.json.Json;
import io.github.cameldeck.simulator.util.Timestamps;

/** The run summary carried by {@code task_run.*} events (REFERENCE §3.1 "Event data"). */
record RunEventPayload(String id, String status, String result, String taskId, String credentialId, String agentId,
        String sourceId, long runtimeMs, Instant createdAt, Instant updatedAt) implements EventPayload {

    static RunEventPayload of(RunRecord run, Instant at, String cancelingSpelling) {
        return new RunEventPayload(run.id, run.status.wire(cancelingSpelling), run.result, run.task.id(),
                run.credentialId, run.task.agentId(), run.sourceId, run.runtimeMs(at), run.createdAt, run.updatedAt);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", "task_run");
        node.put("status", status);
        node.put("result", result);
        node.put("task_id", taskId);
        node.put("credential_id", credentialId);
        node.put("agent_id", agentId);
        node.put("source_id", sourceId);
        node.put("runtime_ms", runtimeMs);
        node.put("created_at", Timestamps.format(createdAt));
        node.put("updated_at", Timestamps.format(updatedAt));
        return node;
    }
}
