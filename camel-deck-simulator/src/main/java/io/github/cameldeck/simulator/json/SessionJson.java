package io.github.cameldeck.simulator.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.core.SessionSnapshot;
import io.github.cameldeck.simulator.util.Timestamps;

/** Sessions on the wire (examples/session.json). */
public final class SessionJson {

    private SessionJson() {
    }

    public static ObjectNode session(SessionSnapshot session, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", session.id());
        node.put("object", "session");
        node.put("status", session.status());
        node.put("runtime_ms", session.runtimeMs());
        ArrayNode runs = node.putArray("task_runs");
        for (SessionSnapshot.RunRef run : session.taskRuns()) {
            runs.addObject().put("id", run.id()).put("task_id", run.taskId()).put("agent_id", run.agentId())
                    .put("credential_id", run.credentialId());
        }
        node.put("created_at", Timestamps.format(session.createdAt()));
        node.put("updated_at", Timestamps.format(session.updatedAt()));
        node.put("request_id", requestId);
        return node;
    }
}
