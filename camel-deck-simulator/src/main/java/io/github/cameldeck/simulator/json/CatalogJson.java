package io.github.cameldeck.simulator.json;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.util.Timestamps;

/** Agents, sources, credentials and tasks on the wire. A null request id renders a list item (no request_id). */
public final class CatalogJson {

    private CatalogJson() {
    }

    public static ObjectNode agent(Agent agent, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", agent.id());
        node.put("object", "agent");
        node.put("name", agent.name());
        node.put("description", agent.description());
        ArrayNode tasks = node.putArray("tasks");
        for (Agent.TaskRef t : agent.tasks()) {
            tasks.addObject().put("id", t.id()).put("object", "task").put("name", t.name()).put("status",
                    t.status());
        }
        return stamp(node, agent.createdAt(), agent.updatedAt(), requestId);
    }

    public static ObjectNode source(Source source, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", source.id());
        node.put("object", "source");
        node.put("name", source.name());
        node.put("type", source.type());
        if (source.url() != null) {
            node.putObject("website").put("url", source.url());
        } else {
            node.putNull("website");
        }
        return stamp(node, source.createdAt(), source.updatedAt(), requestId);
    }

    /** The password is never rendered; {@code auth_credentials} shows the username and source fields only. */
    public static ObjectNode credential(Credential credential, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", credential.id());
        node.put("object", "credential");
        node.put("status", credential.status());
        node.put("external_id", credential.externalId());
        node.put("source_id", credential.sourceId());
        node.put("auth_method", credential.authMethod());
        if ("none".equals(credential.authMethod())) {
            node.putNull("auth_credentials");
        } else {
            ObjectNode auth = node.putObject("auth_credentials");
            auth.put("username", credential.username());
            if (!credential.sourceFields().isEmpty()) {
                ObjectNode fields = auth.putObject("source_fields");
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(credential.sourceFields()).entrySet()) {
                    fields.put(e.getKey(), e.getValue());
                }
            }
        }
        return stamp(node, credential.createdAt(), credential.updatedAt(), requestId);
    }

    public static ObjectNode task(Task task, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", task.id());
        node.put("object", "task");
        node.put("name", task.name());
        node.put("prompt", task.prompt());
        node.put("status", task.status());
        node.put("agent_id", task.agentId());
        node.set("input_schema", task.inputSchema());
        node.set("output_schema", task.outputSchema());
        node.set("storage", task.storage());
        node.put("extraction", task.extraction());
        return stamp(node, task.createdAt(), task.updatedAt(), requestId);
    }

    /** The confirmation of a deletion: {@code {id, object, deleted: true, request_id}}. */
    public static ObjectNode deleted(String id, String object, String requestId) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("object", object);
        node.put("deleted", true);
        node.put("request_id", requestId);
        return node;
    }

    private static ObjectNode stamp(ObjectNode node, java.time.Instant created, java.time.Instant updated,
            String requestId) {
        node.put("created_at", Timestamps.format(created));
        node.put("updated_at", Timestamps.format(updated));
        if (requestId != null) {
            node.put("request_id", requestId);
        }
        return node;
    }
}
