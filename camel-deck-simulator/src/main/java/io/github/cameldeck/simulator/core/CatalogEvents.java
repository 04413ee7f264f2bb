package io.github.cameldeck.simulator.core;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.simulator.Agent;
import io.github.cameldeck.simulator.Credential;
import io.github.cameldeck.simulator.Source;
import io.github.cameldeck.simulator.Task;
import io.github.cameldeck.simulator.json.Json;
import io.github.cameldeck.simulator.util.Timestamps;

/**
 * Records the events of agents, sources, credentials and tasks. Every event of one resource carries the same summary
 * as {@code data}, with {@code updated_at} = the event's time; credentials carry Deck's documented summary
 * {@code {id, object, status, source_id, auth_method}}.
 */
final class CatalogEvents {

    private CatalogEvents() {
    }

    static void agent(DeckState state, String type, Agent agent, Instant at) {
        ObjectNode data = summary(agent.id(), "agent", agent.createdAt(), at);
        data.put("name", agent.name());
        data.put("description", agent.description());
        append(state, type, data, at);
    }

    static void source(DeckState state, String type, Source source, Instant at) {
        ObjectNode data = summary(source.id(), "source", source.createdAt(), at);
        data.put("name", source.name());
        data.put("type", source.type());
        append(state, type, data, at);
    }

    static void credential(DeckState state, String type, Credential credential, Instant at) {
        ObjectNode data = Json.object();
        data.put("id", credential.id());
        data.put("object", "credential");
        data.put("status", credential.status());
        data.put("source_id", credential.sourceId());
        data.put("auth_method", credential.authMethod());
        append(state, type, data, at);
    }

    static void task(DeckState state, String type, Task task, Instant at) {
        ObjectNode data = summary(task.id(), "task", task.createdAt(), at);
        data.put("name", task.name());
        data.put("status", task.status());
        data.put("agent_id", task.agentId());
        append(state, type, data, at);
    }

    private static ObjectNode summary(String id, String object, Instant createdAt, Instant at) {
        ObjectNode data = Json.object();
        data.put("id", id);
        data.put("object", object);
        data.put("created_at", Timestamps.format(createdAt));
        data.put("updated_at", Timestamps.format(at));
        return data;
    }

    private static void append(DeckState state, String type, ObjectNode data, Instant at) {
        state.events.append(type, new JsonEventPayload(data), at);
    }
}
